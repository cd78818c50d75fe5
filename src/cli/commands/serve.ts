import { createServer } from 'node:net';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { AREA_PRESETS } from '../../domain/seed/areas.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES, type DemoLaborer, demoLaborerLines } from '../../domain/seed/demo-accounts.ts';
import { buildServer } from '../../http/server.ts';
import { listUsers } from '../../modules/auth/users.service.ts';
import { smsSender } from '../../modules/outbox/index.ts';
import { loadProvinces } from '../../modules/regions/region-loader.ts';
import { countHouseholds, ensureDemoLaborer, ensureDemoUsers, seedPopulation } from '../../modules/seed/index.ts';
import { parseCommandArgs, withUsage } from '../args.ts';
import type { Command } from '../command.ts';
import { openMigrated } from '../open.ts';
import { accountsTable, DEFAULT_SEED, seedDemoCycle, summaryTable } from './seed.ts';

/** Provinces whose regions the server loads at start: Inner Mongolia, Hunan and Yunnan. */
export const DEMO_PROVINCES = ['15', '43', '53'];
/** The demo population: the Inner Mongolia counties, 会泽县 and 花垣县. */
export const DEMO_AREAS = ['nm', 'huize', 'huayuan'].flatMap((a) => AREA_PRESETS[a]?.codes ?? []);
export const DEMO_LABORERS = 5000;

const seconds = () => (performance.now() / 1000).toFixed(1);

/** Whether the port can be listened on (checked before the slow preparation, not relied on). */
function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

const portBusy = (port: number) => `端口 ${port} 已被占用：请关闭占用它的程序，或换一个端口，如 npm start -- --port ${port + 1}`;

/** Waits for the parent (scripts/start.mjs) to say the web build is done. */
function webBuildDone(): Promise<string> {
  return new Promise((resolve) => {
    if (!process.send) return resolve('none');
    const onMessage = (m: unknown) => {
      const web = (m as { web?: string } | null)?.web;
      if (!web) return;
      process.off('message', onMessage);
      resolve(web);
    };
    process.on('message', onMessage);
    process.send({ waiting: 'web' });
  });
}

export const serve: Command = {
  path: ['serve'],
  usage: 'bangfu serve [--demo] [--provinces 15,53,43] [--port 3000] [--host 127.0.0.1]',
  summary: '启动平台（迁移数据库、加载区划；--demo 时在空库中生成演示数据和账号）',
  run: (args, environment) =>
    withUsage(async () => {
      const { values } = parseCommandArgs(
        args,
        {
          demo: { type: 'boolean', default: false },
          provinces: { type: 'string', default: DEMO_PROVINCES.join(',') },
          'wait-web': { type: 'boolean', default: false },
          // Override PORT and HOST of the environment for this run.
          port: { type: 'string' },
          host: { type: 'string' },
        },
        'bangfu serve [--demo] [--provinces 15,53,43] [--port 3000] [--host 127.0.0.1]',
      );
      const port = values.port === undefined ? environment.port : Number(values.port);
      if (values.port !== undefined && (!/^\d{1,5}$/.test(values.port) || port > 65535)) {
        console.error(`--port 应为 0-65535 的端口号，收到「${values.port}」`);
        return 2;
      }
      const config = { ...environment, port, host: values.host ?? environment.host };
      const provinces = values.provinces.split(/[,，\s]+/).filter(Boolean);
      if (provinces.some((p) => !/^\d{2}$/.test(p))) {
        console.error('--provinces 应为逗号分隔的2位省级区划代码，如 15,53,43');
        return 2;
      }
      if (config.port !== 0 && !(await portFree(config.host, config.port))) {
        console.error(portBusy(config.port));
        return 1;
      }
      const database = await openMigrated(config);
      try {
        const loaded = await loadProvinces(database, provinces);
        const fresh = Object.entries(loaded).filter(([, n]) => n > 0);
        if (fresh.length) console.log(`[${seconds()}s] 已加载区划：${fresh.map(([p, n]) => `${p}（${n} 条）`).join('、')}`);

        let demoUsernames: string[] = [];
        let demoLaborer: DemoLaborer | undefined;
        if (values.demo) {
          if ((await countHouseholds(database.kysely)) === 0) {
            console.log(`[${seconds()}s] 数据库为空，正在生成演示数据……`);
            const summary = await seedPopulation(database, { areas: DEMO_AREAS, laborers: DEMO_LABORERS, seed: DEFAULT_SEED });
            console.log(summaryTable(summary));
            const users = await ensureDemoUsers(database, summary.villages);
            demoUsernames = users.map((u) => u.username);
            for (const line of await seedDemoCycle(database, todayInShanghai())) console.log(line);
          } else {
            demoUsernames = [...DEMO_USERNAMES];
            console.log(`[${seconds()}s] 数据库已有台账数据，不再生成演示数据`);
          }
          demoLaborer = await ensureDemoLaborer(database, todayInShanghai());
        }

        if (values['wait-web']) {
          const web = await webBuildDone();
          if (web === 'failed') console.log('前端构建失败：仅提供 API（/api/...），请查看上面的构建输出');
        }

        const app = await buildServer({ config, database });
        try {
          await app.listen({ host: config.host, port: config.port });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
          await app.close();
          console.error(portBusy(config.port));
          return 1;
        }
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
        const lines = [
          '',
          `bangfu 帮扶平台已启动（${database.kind === 'pglite' ? `内置 PGlite 数据库：${config.dataDir}` : 'PostgreSQL'}），用时 ${seconds()} 秒`,
          `  地址：http://${host}:${port}/`,
          `  接口文档：http://${host}:${port}/api/openapi.json`,
        ];
        if (demoUsernames.length) {
          const users = await listUsers(database, demoUsernames);
          if (users.length) lines.push('', `演示账号（初始密码 ${DEMO_PASSWORD}）：`, accountsTable(users));
        }
        if (demoLaborer) {
          lines.push('', ...demoLaborerLines(demoLaborer, `http://${host}:${port}/`, smsSender(config).description));
        }
        lines.push('', '按 Ctrl+C 停止');
        console.log(lines.join('\n'));
        process.send?.({ ready: `http://${host}:${port}/` });

        // Stop cleanly: finish requests in flight, then close the database (PGlite flushes its files).
        await new Promise<void>((resolve) => {
          const onInt = () => stop('SIGINT');
          const onTerm = () => stop('SIGTERM');
          const onDisconnect = () => stop('disconnect');
          let stopping = false;
          // Signal handlers stay while closing, so a second Ctrl+C cannot cut the database short.
          const stop = (signal: string) => {
            if (stopping) return;
            stopping = true;
            process.off('disconnect', onDisconnect);
            console.log(`\n收到 ${signal}，正在关闭……`);
            app.close().then(resolve, resolve);
          };
          process.on('SIGINT', onInt).on('SIGTERM', onTerm).on('disconnect', onDisconnect);
        });
        // The IPC channel to scripts/start.mjs would keep this process alive.
        if (process.connected) process.disconnect();
        return 0;
      } finally {
        await database.close();
      }
    }),
};
