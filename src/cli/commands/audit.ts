import { verifyAuditChain } from '../../modules/audit/audit.repository.ts';
import type { Command } from '../command.ts';
import { withMigratedDatabase } from '../open.ts';

export const auditVerify: Command = {
  path: ['audit', 'verify'],
  usage: 'bangfu audit verify',
  summary: '校验审计日志哈希链是否完整、未被篡改',
  run: (_args, config) =>
    withMigratedDatabase(config, async (database) => {
      const r = await verifyAuditChain(database.kysely);
      if (r.ok) {
        console.log(`审计日志完整：共 ${r.entries} 条，链头哈希 ${r.headHash}`);
        return 0;
      }
      console.error(`审计日志校验失败：第 ${r.firstBadSeq ?? '?'} 条，${r.problem}（此前 ${r.entries} 条完好）`);
      return 1;
    }),
};
