#!/usr/bin/env node
// `npm start`: brings the platform up on a fresh machine. Builds the web app when web/dist
// is missing or older than its sources, and meanwhile runs `bangfu serve --demo` (migrations,
// regions, demo data), which waits for the build before it starts listening. Arguments after
// `npm start --` go to `bangfu serve`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const web = join(root, 'web');
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);

/** The newest modification time under a file or folder (0 if it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    t = Math.max(t, newest(join(path, entry)));
  }
  return t;
}

function viteBin() {
  try {
    const require = createRequire(join(root, 'package.json'));
    return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return undefined;
  }
}

/** Why the web app must be built, or undefined when web/dist is up to date or cannot be built. */
function buildReason() {
  if (!existsSync(join(web, 'index.html'))) {
    console.log('提示：尚无前端代码（web/），跳过前端构建，只启动 API。');
    return undefined;
  }
  const dist = join(web, 'dist', 'index.html');
  if (!existsSync(dist)) return '尚未构建';
  const sources = Math.max(
    newest(join(web, 'src')),
    newest(join(web, 'index.html')),
    newest(join(web, 'vite.config.ts')),
    // The web app imports the pure domain modules (vocabularies, field labels).
    newest(join(root, 'src', 'domain')),
  );
  return sources > statSync(dist).mtimeMs ? '源代码有更新' : undefined;
}

let reason = buildReason();
const vite = reason ? viteBin() : undefined;
if (reason && !vite) {
  console.log('提示：未安装 vite（请先 npm install），跳过前端构建，只启动 API。');
  reason = undefined;
}

/** 'ready' | 'failed' once the build has ended. */
let buildResult = reason ? undefined : 'none';
let serveWaiting = false;
let build;

const serveArgs = [join(root, 'bin', 'bangfu.js'), 'serve', '--demo', ...(reason ? ['--wait-web'] : []), ...process.argv.slice(2)];
const serve = spawn(process.execPath, serveArgs, { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });

const tell = () => {
  if (serveWaiting && buildResult && serve.connected) serve.send({ web: buildResult });
};

serve.on('message', (m) => {
  if (m?.waiting === 'web') {
    serveWaiting = true;
    if (!buildResult) console.log(`[${elapsed()}s] 数据库已就绪，等待前端构建完成……`);
    tell();
  }
  if (m?.ready) console.log(`从 npm start 到可以登录共用时 ${elapsed()} 秒：${m.ready}`);
});

if (reason && vite) {
  console.log(`[${elapsed()}s] 正在构建前端（${reason}）：vite build web，与数据库准备同时进行……`);
  build = spawn(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  build.stdout.on('data', (d) => {
    output += d;
  });
  build.stderr.on('data', (d) => {
    output += d;
  });
  build.on('exit', (code) => {
    build = undefined;
    if (code === 0) {
      buildResult = 'ready';
      console.log(`[${elapsed()}s] 前端构建完成`);
    } else {
      buildResult = 'failed';
      console.error(`前端构建失败（退出码 ${code}）：\n${output}`);
    }
    tell();
  });
}

// Ctrl+C reaches every process of the terminal's group: let the server close its database,
// then exit with its code. A SIGTERM sent to this process alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {
  build?.kill('SIGTERM');
  serve.kill('SIGTERM');
});
serve.on('exit', (code, signal) => {
  build?.kill('SIGTERM');
  process.exit(code ?? (signal ? 1 : 0));
});
