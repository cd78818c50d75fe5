#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs the benchmark bench/<name>.ts through tsx, like
// bin/bangfu.js runs the CLI. Each benchmark exports main(args) and returns an exit code.
import { register } from 'tsx/esm/api';

const BENCHES = {
  import: { file: '../bench/import.ts', summary: '导入 100 万行劳动力（全量校验）与裸 COPY 的速度比和内存峰值' },
  matching: {
    file: '../bench/matching.ts',
    summary: '人岗匹配 20 万劳动力 × 2 万岗位 top-10：索引批量与逐对暴力的速度比、单人延迟、precision@3 与按距离排序的基线',
  },
  rules: { file: '../bench/rules.ts', summary: '规则引擎批量评估 100 万劳动力（交通、车间、岗位、公益岗）与同一 SQL 的速度比' },
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.log(
    [
      '用法: npm run bench -- <名称> [参数]',
      '',
      ...Object.entries(BENCHES).map(([n, b]) => `  ${n.padEnd(10)} ${b.summary}`),
    ].join('\n'),
  );
  process.exitCode = name ? 2 : 0;
} else {
  register();
  const { main } = await import(bench.file);
  process.exitCode = await main(args);
}
