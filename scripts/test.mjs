#!/usr/bin/env node
// The whole test suite: lint (with architecture rules), type check, unit/API/DB tests and
// the browser test. Runs on PGlite, or on the PostgreSQL server named by DATABASE_URL.
// Prints `tests: N passed, N failed` (lint and type check count as one test each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join('.tmp', 'test-results', process.env.DATABASE_URL ? 'postgres' : 'pglite');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else failed++;
}

function vitest(label, extra, file) {
  const json = join(out, file);
  const ok = run(`${label} (${db})`, 'npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  try {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A file that fails to load has no tests in the counts: count it as a failure.
    if (!ok && r.numFailedTests === 0) failed++;
  } catch {
    failed++;
  }
}

check('lint', 'npm', ['run', '--silent', 'lint']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
vitest('unit, API and database tests', [], 'unit.json');
vitest('browser end-to-end test', ['--config', 'test/e2e/vitest.config.ts'], 'e2e.json');

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
