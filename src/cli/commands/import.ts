// `bangfu import laborers FILE [--region CODE]`: the register import from the command line,
// with the same validation, chunked commits and resumption as an upload in the web app.

import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type CliImportOptions,
  importSummaryLines,
  prepareCliImport,
  recentErrors,
  runCliImport,
  writeErrorsFor,
} from '../../modules/imports/imports.service.ts';
import type { Command } from '../command.ts';
import { openMigrated } from '../open.ts';

const USAGE = 'bangfu import laborers FILE [--region CODE] [--errors OUT.xlsx] [--chunk N] [--new]';

function parseArgs(args: string[]): { file: string; opts: CliImportOptions; errorsOut?: string } | string {
  let file: string | undefined;
  const opts: CliImportOptions = {};
  let errorsOut: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} 需要一个值`);
      return v;
    };
    if (a === '--region') opts.region = value();
    else if (a === '--errors') errorsOut = value();
    else if (a === '--chunk') opts.chunkRows = Number(value());
    else if (a === '--new') opts.fresh = true;
    else if (a.startsWith('--')) return `未知参数 ${a}`;
    else if (file === undefined) file = a;
    else return `多余的参数 ${a}`;
  }
  if (!file) return '缺少文件路径';
  if (opts.region !== undefined && !/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(opts.region))
    return `区划代码格式不正确：${opts.region}`;
  if (opts.chunkRows !== undefined && !(Number.isInteger(opts.chunkRows) && opts.chunkRows > 0)) return '--chunk 应为正整数';
  return { file, opts, ...(errorsOut ? { errorsOut } : {}) };
}

export const importLaborers: Command = {
  path: ['import', 'laborers'],
  usage: USAGE,
  summary: '从 Excel（.xlsx）或 CSV（UTF-8/GBK）导入劳动力台账；中断后再次运行从中断处继续',
  async run(args, config) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`${parsed}\n用法: ${USAGE}`);
      return 2;
    }
    const path = resolve(parsed.file);
    if (!existsSync(path) || !statSync(path).isFile()) {
      console.error(`文件不存在：${path}`);
      return 2;
    }
    const database = await openMigrated(config);
    try {
      const job = await prepareCliImport(database, path, parsed.opts);
      console.log(
        job.resumed
          ? `继续导入 #${job.id}（上次已处理 ${job.processedRows} 行）`
          : `导入 #${job.id}：${path}${parsed.opts.region ? `，范围 ${parsed.opts.region}` : ''}`,
      );
      const done = await runCliImport(database, job.id, parsed.opts, (p) => {
        console.log(
          `已处理 ${p.processedRows} 行（${p.percent}%）：新增 ${p.inserted}，更新 ${p.updated}，未变 ${p.unchanged}，失败 ${p.failed}`,
        );
      });
      for (const line of importSummaryLines(done)) console.log(line);
      if (done.failed > 0) {
        const errors = await recentErrors(database, done.id, 20);
        console.log(`错误明细（前 ${errors.length} 条）：`);
        for (const e of errors) console.log(`  第 ${e.rowNumber} 行 ${e.column}${e.value ? `“${e.value}”` : ''}：${e.reason}`);
        if (parsed.errorsOut) {
          const out = createWriteStream(parsed.errorsOut);
          const rows = await writeErrorsFor(database, done, out);
          if (!out.writableFinished) await once(out, 'finish');
          console.log(`错误报告（${rows} 行）已写入 ${resolve(parsed.errorsOut)}`);
        } else {
          console.log(`完整错误报告：加上 --errors 错误报告.xlsx 重新运行，或在网页“数据导入”中下载`);
        }
      }
      return done.status === 'done' ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
