// Excel downloads: a workbook written by a service straight into the response, so that a
// large export never sits whole in memory.
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams a workbook written by `write`; a failure before the first byte becomes a normal error reply. */
export async function sendWorkbook(reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<unknown>) {
  const out = new PassThrough();
  out.on('error', (e) => reply.log.warn({ err: e }, 'workbook stream failed'));
  const started = new Promise<void>((resolve) => out.once('readable', () => resolve()));
  let failure: unknown;
  const done = write(out).then(
    () => {
      out.end();
    },
    (e: unknown) => {
      failure = e;
      out.destroy();
    },
  );
  // Wait for the first bytes (or the error) so that access errors still get a JSON answer.
  await Promise.race([started, done]);
  if (failure) throw failure;
  void done.then(() => {
    if (failure) reply.log.error(failure);
  });
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(out);
}
