import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.ts';
import { serve } from './serve.ts';

let out: string[];
function capture() {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
}
afterEach(() => vi.restoreAllMocks());

const config = loadConfig({ BANGFU_LOG_LEVEL: 'silent', PORT: '3000' });

describe('bangfu serve options', () => {
  it('refuses a --port that is not a port number, before touching the database', async () => {
    capture();
    expect(await serve.run(['--port', '70000'], config)).toBe(2);
    expect(out.join('\n')).toContain('--port 应为 0-65535 的端口号，收到「70000」');
    capture();
    expect(await serve.run(['--port', 'abc'], config)).toBe(2);
  });

  it('--port and --host win over PORT and HOST: a busy port given on the command line is named', async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen({ host: '127.0.0.1', port: 0 }, r));
    const port = (busy.address() as { port: number }).port;
    try {
      capture();
      expect(await serve.run(['--port', String(port), '--host', '127.0.0.1'], config)).toBe(1);
      expect(out.join('\n')).toContain(`端口 ${port} 已被占用`);
      expect(out.join('\n')).toContain(`npm start -- --port ${port + 1}`);
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });
});
