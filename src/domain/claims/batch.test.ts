import { describe, expect, it } from 'vitest';
import {
  type BatchState,
  batchActions,
  checkBankFile,
  checkExport,
  checkRemoval,
  checkResultImport,
  checkVoid,
} from './batch.ts';
import { takeStep } from './steps.ts';

const batch = (o: Partial<BatchState> = {}): BatchState => ({
  number: 'PF530326-2019-000007',
  status: 'open',
  voidReason: null,
  lines: 3,
  settled: 0,
  ...o,
});
const claim = '申请 BT2019-000012（陈国华）';

describe('移出批次: a claim leaves a batch before the bank has it', () => {
  it('from an open batch with other lines left', () => {
    expect(checkRemoval(batch(), claim)).toEqual({ ok: true });
  });

  it('not once the bank file is exported, naming the batch, the claim and what to do instead', () => {
    const r = checkRemoval(batch({ status: 'exported' }), claim);
    expect(r).toMatchObject({ ok: false, code: 'BATCH_NOT_OPEN' });
    expect(!r.ok && r.reason).toBe(
      '拨付批次 PF530326-2019-000007 已导出银行代发文件（已导出，待银行回盘），不能再移出申请 BT2019-000012（陈国华）；银行未处理本批次的，可作废整个批次',
    );
    expect(checkRemoval(batch({ status: 'reconciled' }), claim)).toMatchObject({ ok: false, code: 'BATCH_NOT_OPEN' });
  });

  it('not the last line (the batch is voided instead), not from a voided batch', () => {
    const last = checkRemoval(batch({ lines: 1 }), claim);
    expect(last).toMatchObject({ ok: false, code: 'BATCH_LAST_LINE' });
    expect(!last.ok && last.reason).toContain('请作废批次');
    const v = checkRemoval(batch({ status: 'voided', voidReason: '代发文件未报送银行' }), claim);
    expect(!v.ok && v.reason).toBe(
      '拨付批次 PF530326-2019-000007 已作废（代发文件未报送银行），不能移出申请 BT2019-000012（陈国华）',
    );
  });

  it('sends the claim back to the approved queue, by the county office, with a reason', () => {
    expect(takeStep('county', 'batched', 'unbatch', '银行卡挂失')).toEqual({ ok: true, to: 'approved' });
    expect(takeStep('county', 'batched', 'unbatch', ' ')).toMatchObject({ ok: false, forbidden: false });
    expect(takeStep('county', 'paid', 'unbatch', '银行卡挂失')).toMatchObject({ ok: false, forbidden: false });
    expect(takeStep('auditor', 'batched', 'unbatch', '银行卡挂失')).toMatchObject({ ok: false, forbidden: true });
    expect(takeStep('county', 'batched', 'batch_void', '银行整批退回')).toEqual({ ok: true, to: 'approved' });
  });
});

describe('作废批次: the bank did not process the batch', () => {
  it('an exported batch without any result, or an open one, is voided', () => {
    expect(checkVoid(batch({ status: 'exported' }))).toEqual({ ok: true });
    expect(checkVoid(batch())).toEqual({ ok: true });
  });

  it('not once the bank answered for any line, nor a reconciled or voided batch', () => {
    const partial = checkVoid(batch({ status: 'exported', settled: 1 }));
    expect(partial).toMatchObject({ ok: false, code: 'BATCH_HAS_RESULTS' });
    expect(!partial.ok && partial.reason).toContain('已导入银行回盘（1 笔已有结果），不能作废');
    expect(checkVoid(batch({ status: 'reconciled', settled: 3 }))).toMatchObject({ ok: false, code: 'BATCH_HAS_RESULTS' });
    expect(checkVoid(batch({ status: 'voided', voidReason: '银行整批退回' }))).toMatchObject({
      ok: false,
      code: 'BATCH_VOIDED',
    });
  });

  it('a voided bank file is neither downloaded nor reconciled', () => {
    const v = batch({ status: 'voided', voidReason: '银行整批退回' });
    expect(checkBankFile(v)).toMatchObject({ ok: false, code: 'BATCH_VOIDED' });
    const r = checkResultImport(v);
    expect(r).toMatchObject({ ok: false, code: 'BATCH_VOIDED' });
    expect(!r.ok && r.reason).toContain(
      '拨付批次 PF530326-2019-000007 已作废（银行整批退回），其银行代发文件已作废，不能导入银行回盘',
    );
    expect(checkResultImport(batch())).toMatchObject({ ok: false, code: 'BATCH_NOT_EXPORTED' });
    expect(checkResultImport(batch({ status: 'exported' }))).toEqual({ ok: true });
  });
});

describe('确认导出 and the bank file: exporting freezes the batch, downloading changes nothing', () => {
  it('an open batch is exported once; an exported or reconciled one is refused, naming what to do', () => {
    expect(checkExport(batch())).toEqual({ ok: true });
    const twice = checkExport(batch({ status: 'exported' }));
    expect(twice).toMatchObject({ ok: false, code: 'BATCH_ALREADY_EXPORTED' });
    expect(!twice.ok && twice.reason).toBe(
      '拨付批次 PF530326-2019-000007 已确认导出（已导出，待银行回盘），不能再次导出；请直接下载银行代发文件',
    );
    expect(checkExport(batch({ status: 'reconciled', settled: 3 }))).toMatchObject({ code: 'BATCH_ALREADY_EXPORTED' });
    const v = checkExport(batch({ status: 'voided', voidReason: '银行整批退回' }));
    expect(!v.ok && v.reason).toBe('拨付批次 PF530326-2019-000007 已作废（银行整批退回），不能再下载或发送银行代发文件');
  });

  it('the file of an exported or reconciled batch is downloaded; of an open one not before the export', () => {
    expect(checkBankFile(batch({ status: 'exported' }))).toEqual({ ok: true });
    expect(checkBankFile(batch({ status: 'reconciled', settled: 3 }))).toEqual({ ok: true });
    const open = checkBankFile(batch());
    expect(open).toMatchObject({ ok: false, code: 'BATCH_NOT_EXPORTED' });
    expect(!open.ok && open.reason).toContain('请先「确认导出（送银行）」');
  });
});

describe('who may change a batch', () => {
  it('the county office, as for creating and exporting batches; the auditor and other levels only read', () => {
    expect(batchActions('county', batch())).toEqual(['export', 'remove', 'void']);
    expect(batchActions('county', batch({ lines: 1 }))).toEqual(['export', 'void']);
    expect(batchActions('county', batch({ status: 'exported' }))).toEqual(['void']);
    expect(batchActions('county', batch({ status: 'exported', settled: 2 }))).toEqual([]);
    for (const role of ['auditor', 'city', 'province', 'township', 'village', 'admin', 'employer'] as const) {
      expect(batchActions(role, batch())).toEqual([]);
    }
  });
});
