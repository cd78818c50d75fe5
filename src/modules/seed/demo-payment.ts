// The end of a demo round of claims, as an office does it: the reviewed claims are published
// for their week, the list is closed, they go into one payment batch that is exported as the
// bank file, and the bank's result file is read back (optionally refusing the last line, so the
// demo shows a failed payment back in the queue).
import type { Database } from '../../db/connection.ts';
import { parseCsv } from '../../domain/claims/bank-file.ts';
import type { FundSource } from '../../domain/rules/types.ts';
import type { Actor } from '../auth/actor.ts';
import { bankFile, createBatch, exportBatch, importBankResult } from '../claims/payments.service.ts';
import { closePublicity, createPublicity } from '../claims/publicity.service.ts';

export interface DemoPayment {
  claimIds: string[];
  region: string;
  /** The publicity list's title and week. */
  title: string;
  from: string;
  to: string;
  fund: FundSource;
  /** The name of the bank's result file, and the prefix of its serial numbers. */
  resultFile: string;
  serialPrefix: string;
  /** The bank's reason for refusing the last line; every line paid when absent. */
  refuseLast?: string;
}

/** Publishes, pays and reconciles the claims; answers how many the bank paid. */
export async function publishAndPay(database: Database, actor: Actor, p: DemoPayment): Promise<number> {
  const publicity = await createPublicity(database, actor, {
    title: p.title,
    region: p.region,
    from: p.from,
    to: p.to,
    claimIds: p.claimIds,
  });
  await closePublicity(database, actor, publicity.list.id, undefined);
  const { batch } = await createBatch(database, actor, { fund: p.fund, region: p.region, claimIds: p.claimIds });
  await exportBatch(database, actor, batch.id, { version: batch.version });
  const lines = parseCsv((await bankFile(database, actor, batch.id)).csv.replace(/^\uFEFF/, '')).slice(1);
  const refused = p.refuseLast === undefined ? -1 : lines.length - 1;
  const result = [
    '明细号,结果,失败原因,银行流水号',
    ...lines.map((l, i) =>
      i === refused ? `${l[6]},失败,${p.refuseLast},` : `${l[6]},成功,,${p.serialPrefix}${String(i + 1).padStart(4, '0')}`,
    ),
  ].join('\r\n');
  await importBankResult(database, actor, batch.id, p.resultFile, Buffer.from(`${result}\r\n`));
  return refused === -1 ? lines.length : lines.length - 1;
}
