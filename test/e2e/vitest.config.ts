// End-to-end tests: the built web app in Debian's chromium against the real server on a
// fresh database. `npm run test:e2e`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    // The database template as for the other tests, then the web build if it is stale.
    globalSetup: ['test/global-setup.ts', 'test/e2e/build-web.ts'],
    testTimeout: 120_000,
    // A page on a busy 2-core machine may take longer than expect.poll's default second to
    // show what a request brought back; locators' own waits are 30 s already.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 300_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
  },
});
