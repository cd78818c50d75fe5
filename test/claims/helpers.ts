// Shared pieces of the claims tests: multipart bodies, Huize transport facts, API calls.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export function multipart(fields: Record<string, string>, file: { name: string; content: string | Buffer; type?: string }) {
  const boundary = `----bangfu${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** TR-HZ facts of a Huize laborer working outside Yunnan for 3 months with a 480-yuan ticket. */
export const OUT_OF_PROVINCE = { registeredPoor: true, workRegion: '省外', stableMonths: 3, ticketPriceFen: 48000 };

export function transportClaim(personId: string, o: { caseDate?: string; facts?: Record<string, unknown> } = {}) {
  return {
    rule: 'TR-HZ',
    personId,
    caseDate: o.caseDate ?? '2019-03-01',
    facts: o.facts ?? OUT_OF_PROVINCE,
    bankName: '中国农业银行会泽县支行',
    bankAccount: '6228480086012345678',
  };
}

export function api(app: FastifyInstance, sessions: Record<string, Record<string, string>>) {
  return {
    get: (user: string, url: string) => app.inject({ method: 'GET', url, headers: sessions[user] }),
    post: (user: string, url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, headers: sessions[user], payload: payload as object }),
    upload: (
      user: string,
      url: string,
      fields: Record<string, string>,
      file: { name: string; content: string | Buffer; type?: string },
    ) => {
      const m = multipart(fields, file);
      return app.inject({ method: 'POST', url, headers: { ...sessions[user], 'content-type': m.type }, payload: m.payload });
    },
  };
}

/** Yesterday and tomorrow in Asia/Shanghai (publicity periods around today). */
export function shanghaiDay(offsetDays: number): string {
  const now = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return now.toISOString().slice(0, 10);
}
