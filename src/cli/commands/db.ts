import { openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import type { Command } from '../command.ts';

export const dbMigrate: Command = {
  path: ['db', 'migrate'],
  usage: 'bangfu db migrate',
  summary: '执行数据库迁移',
  async run(_args, config) {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrate(database);
      console.log(applied.length ? `已执行 ${applied.length} 个迁移:\n${applied.join('\n')}` : '数据库已是最新');
      return 0;
    } finally {
      await database.close();
    }
  },
};
