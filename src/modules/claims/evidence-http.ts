// The HTTP side of evidence files, the same for an office's claim and an employer's own: the
// multipart upload (field kind before the file, or ?kind=) and the download with its sha256.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import * as claims from './claims.service.ts';

/** Stores the first `file` part of a multipart request as evidence of the claim. */
export async function receiveEvidence(
  req: FastifyRequest,
  database: Database,
  dataDir: string,
  actor: Actor,
  claimId: string,
): Promise<Awaited<ReturnType<typeof claims.addEvidence>>> {
  if (!req.isMultipart()) throw new AppError('EVIDENCE_FILE_REQUIRED', '请以 multipart/form-data 上传文件（字段名 file）');
  let kind = (req.query as { kind?: string }).kind ?? '';
  let result: Awaited<ReturnType<typeof claims.addEvidence>> | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'kind' && typeof part.value === 'string') kind = part.value;
      continue;
    }
    if (part.fieldname !== 'file' || result) {
      part.file.resume();
      continue;
    }
    result = await claims.addEvidence(database, dataDir, actor, claimId, {
      kind,
      fileName: part.filename,
      contentType: part.mimetype,
      stream: part.file,
    });
  }
  if (!result) throw new AppError('EVIDENCE_FILE_REQUIRED', '请选择要上传的材料文件（字段名 file）');
  return result;
}

/** Sends an evidence file as stored, with the sha256 it was checked against. */
export async function sendEvidence(
  reply: FastifyReply,
  database: Database,
  dataDir: string,
  actor: Actor,
  claimId: string,
  evidenceId: string,
) {
  const { row, stream } = await claims.openEvidence(database, dataDir, actor, claimId, evidenceId);
  return reply
    .header('content-type', row.content_type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
    .header('x-content-sha256', row.sha256)
    .header('cache-control', 'no-store')
    .send(stream);
}
