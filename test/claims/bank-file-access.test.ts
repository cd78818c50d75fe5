// Who may download a payment batch's bank file (代发文件) and what the audit log keeps of it:
// Huize's auditor downloads the very file the county sent to the bank (an auditor checking the
// payments needs it), each download audited with who did it; a village collector is refused
// (403), an auditor of another county finds no such batch (404), and a download of a batch not
// yet exported is refused (409). Every refusal is audited too, naming only the id asked for and
// the refusal's code, under the refused user's own region, and the chain still verifies.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { createTestApp } from '../app.ts';
import { buildHousehold, buildUser, loginAs, VILLAGES } from '../factories.ts';
import { api, approvedClaims, type Call, downloadBankFile, exportBatch, paymentOffices } from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let call: Call;
/** The auditor of 克什克腾旗 (150425), who cannot see Huize's batches. */
let otherAuditor: Call;
let exportedId: string;
let openId: string;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  const { persons } = await buildHousehold(database.kysely, {
    village: VILLAGES.tanglang,
    members: [{ name: '郑德明' }, { name: '郑桂兰', sex: '女', birth: '1986-04-12', relationship: '配偶' }],
  });
  call = await paymentOffices(app, database);
  await buildUser(database.kysely, { username: 'keqi_auditor', role: 'auditor', region: '150425' });
  otherAuditor = api(app, { keqi_auditor: await loginAs(app, 'keqi_auditor') });
  const [first, second] = await approvedClaims(call, database, {
    village: 'tanglang',
    county: 'huize',
    personIds: persons.map((p) => p.id),
  });
  const batch = async (claimId: string) => {
    const res = await call.post('huize', '/api/payment-batches', {
      fund: 'employment_fund',
      region: '530326',
      claimIds: [claimId],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().batch.id as string;
  };
  exportedId = await batch(first as string);
  await exportBatch(call, 'huize', exportedId);
  openId = await batch(second as string);
});
afterAll(() => close());

const bankFileUrl = (id: string) => `/api/payment-batches/${id}/bank-file.csv`;

/** The audit entries of this batch id and action, oldest first (read as the superuser). */
function auditOf(id: string, action: string) {
  return database.kysely
    .selectFrom('audit_log')
    .select(['actor_name', 'region_code', 'after'])
    .where('entity', '=', 'payment_batch')
    .where('entity_id', '=', id)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

describe('downloading the bank file (代发文件)', () => {
  it('the auditor downloads the same file as the county, and the download is audited with who did it', async () => {
    const county = await downloadBankFile(call, 'huize', exportedId);
    const audited = await downloadBankFile(call, 'auditor', exportedId);
    expect(audited).toBe(county);
    expect(audited).toContain('郑德明');
    const downloads = await auditOf(exportedId, 'payment_batch.download');
    expect(downloads.map((d) => d.actor_name)).toEqual(['李经办(huize)', 'auditor(auditor)']);
    expect(downloads[1]).toMatchObject({ region_code: '530326', after: { lines: 1, status: 'exported' } });
    // Reading is all the auditor does: the batch's actions stay the county's.
    const view = (await call.get('auditor', `/api/payment-batches/${exportedId}`)).json();
    expect(view.actions).toEqual([]);
    expect(
      (await call.post('auditor', `/api/payment-batches/${exportedId}/void`, { reason: '审计', version: 1 })).statusCode,
    ).toBe(403);
  });

  it('a village collector is refused with 403, and the refusal is audited under its village', async () => {
    const res = await call.get('tanglang', bankFileUrl(exportedId));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(await auditOf(exportedId, 'payment_batch.download_refused')).toEqual([
      { actor_name: 'tanglang(tanglang)', region_code: VILLAGES.tanglang, after: { reason: 'FORBIDDEN' } },
    ]);
  });

  it("another county's auditor gets 404, and its refusal is audited under its own county without the batch's details", async () => {
    const res = await otherAuditor.get('keqi_auditor', bankFileUrl(exportedId));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const refusals = await auditOf(exportedId, 'payment_batch.download_refused');
    expect(refusals.at(-1)).toEqual({
      actor_name: 'keqi_auditor(keqi_auditor)',
      region_code: '150425',
      after: { reason: 'NOT_FOUND' },
    });
    // A batch id that does not exist at all is refused and audited alike.
    expect((await otherAuditor.get('keqi_auditor', bankFileUrl('999999'))).statusCode).toBe(404);
    expect(await auditOf('999999', 'payment_batch.download_refused')).toHaveLength(1);
  });

  it('a batch not yet exported has no bank file: the refusal is audited with its code, and the chain verifies', async () => {
    const res = await call.get('auditor', bankFileUrl(openId));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('BATCH_NOT_EXPORTED');
    expect(await auditOf(openId, 'payment_batch.download_refused')).toEqual([
      { actor_name: 'auditor(auditor)', region_code: '530326', after: { reason: 'BATCH_NOT_EXPORTED' } },
    ]);
    expect(await auditOf(openId, 'payment_batch.download')).toEqual([]);
    expect(await verifyAuditChain(database.kysely)).toMatchObject({ ok: true });
  });
});
