// Builds web/dist before the end-to-end tests when any source of the web app is newer than
// the last build (the server serves web/dist as it finds it when it starts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const WEB = resolve('web');
const BUILT = join(WEB, 'dist', 'index.html');
/** Everything the bundle is made of: the app and the shared domain modules it imports. */
const SOURCES = [
  join(WEB, 'src'),
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.ts'),
  resolve('src', 'domain'),
  resolve('package-lock.json'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const builtAt = statSync(BUILT).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

export default async function setup() {
  if (!webBuildIsStale()) return;
  await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}
