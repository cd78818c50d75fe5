#!/usr/bin/env node
// Start-up benchmark: time from `npm start` (empty data folder) until the login page (/) and
// /api/health answer 200, then a clean stop (SIGINT to the group, like Ctrl+C). Usage:
//   node bench/startup.mjs [--dir PATH_TO_CHECKOUT] [--port 3137] [--data DIR_TO_REUSE]
// Run it in a fresh clone with node_modules in place to measure "fresh clone, after install".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: '.' }, port: { type: 'string', default: '3137' }, data: { type: 'string' } },
});
const dir = resolve(values.dir);
const port = Number(values.port);
// A fresh, empty data folder unless --data names one to reuse (a second start).
const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'bangfu-start-'));

const env = { ...process.env, PORT: String(port), BANGFU_DATA_DIR: dataDir, BANGFU_LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
const t0 = performance.now();
const child = spawn('npm', ['start'], {
  cwd: dir,
  detached: true,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
child.stdout.on('data', (d) => {
  log += d;
});
child.stderr.on('data', (d) => {
  log += d;
});
const exited = new Promise((r) => child.on('exit', r));

async function ok(path) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    const body = await res.text();
    return res.status === 200 && (path !== '/' || body.includes('<div id="root">') || body.includes('<html'));
  } catch {
    return false;
  }
}

const seen = {};
const deadline = t0 + 180_000;
while (performance.now() < deadline && !(seen['/'] && seen['/api/health'])) {
  for (const path of ['/', '/api/health']) if (!seen[path] && (await ok(path))) seen[path] = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 100));
}
const stopAt = performance.now();
// Ctrl+C: SIGINT to the whole process group, as a terminal sends it.
process.kill(-child.pid, 'SIGINT');
const code = await exited;
const stopSeconds = (performance.now() - stopAt) / 1000;
if (!values.data) rmSync(dataDir, { recursive: true, force: true });

console.log(log.trim());
console.log('\n---');
console.log(`/api/health 200 after ${seen['/api/health']?.toFixed(1) ?? 'never'} s`);
console.log(`/ (login page) 200 after ${seen['/']?.toFixed(1) ?? 'never'} s`);
console.log(`stopped ${stopSeconds.toFixed(1)} s after Ctrl+C, exit code ${code}`);
process.exitCode = seen['/'] && seen['/api/health'] ? 0 : 1;
