import { describe, expect, it } from 'vitest';
import { availableActions, CLAIM_STATUSES, maySubmit, RELEASING_STATUSES, takeStep } from './steps.ts';

describe('claim steps (申报 → 审核 → 公示 → 拨付)', () => {
  it('walks a claim from submission to payment by the county office', () => {
    const path = [
      ['review', 'reviewed'],
      ['publish', 'publicized'],
      ['approve', 'approved'],
      ['batch', 'batched'],
      ['pay', 'paid'],
    ] as const;
    let status: (typeof CLAIM_STATUSES)[number] = 'submitted';
    for (const [action, to] of path) {
      const r = takeStep('county', status, action);
      expect(r).toEqual({ ok: true, to });
      if (r.ok) status = r.to;
    }
    expect(availableActions('county', status)).toEqual(['bank_return', 'recover']);
  });

  it('a failed payment goes back to the queue and can be batched again', () => {
    expect(takeStep('county', 'batched', 'fail')).toEqual({ ok: true, to: 'failed' });
    expect(takeStep('county', 'failed', 'batch')).toEqual({ ok: true, to: 'batched' });
    expect(takeStep('county', 'failed', 'pay')).toMatchObject({ ok: false, forbidden: false });
  });

  it('a village collector submits, corrects and withdraws but cannot review or refuse', () => {
    expect(maySubmit('village')).toBe(true);
    expect(takeStep('village', 'returned', 'resubmit')).toEqual({ ok: true, to: 'submitted' });
    expect(takeStep('village', 'submitted', 'withdraw')).toEqual({ ok: true, to: 'withdrawn' });
    const review = takeStep('village', 'submitted', 'review');
    expect(review).toMatchObject({ ok: false, forbidden: true });
    expect(!review.ok && review.reason).toContain('县级就业部门');
    expect(availableActions('village', 'submitted')).toEqual(['withdraw']);
  });

  it('auditors and overseeing levels only read', () => {
    for (const role of ['auditor', 'city', 'province', 'admin'] as const) {
      expect(maySubmit(role)).toBe(false);
      for (const s of CLAIM_STATUSES) expect(availableActions(role, s)).toEqual([]);
    }
  });

  it('returning, refusing and objecting need a reason', () => {
    const r = takeStep('county', 'submitted', 'return', '  ');
    expect(r).toMatchObject({ ok: false, forbidden: false });
    expect(!r.ok && r.reason).toBe('「退回修改」须填写意见（原因）');
    expect(takeStep('county', 'submitted', 'refuse', '非建档立卡')).toEqual({ ok: true, to: 'refused' });
    expect(takeStep('county', 'publicized', 'object', '群众反映未外出务工')).toEqual({ ok: true, to: 'returned' });
  });

  it('says which status the claim is in when a step does not apply', () => {
    expect(takeStep('county', 'paid', 'withdraw')).toMatchObject({ ok: false, forbidden: false });
    const paid = takeStep('county', 'paid', 'review');
    expect(!paid.ok && paid.reason).toBe('申请当前状态为「已拨付」，只有「已申报」的申请可以审核通过');
    expect(takeStep('county', 'batched', 'refuse', '冒名顶替')).toMatchObject({ ok: false, forbidden: false });
  });

  it('the county can still refuse a claim after publicity, until a batch takes it to the bank', () => {
    expect(takeStep('county', 'approved', 'refuse', '核查发现冒名顶替')).toEqual({ ok: true, to: 'refused' });
    expect(takeStep('county', 'failed', 'refuse', '核查发现冒名顶替')).toEqual({ ok: true, to: 'refused' });
    expect(takeStep('county', 'approved', 'refuse')).toMatchObject({ ok: false, reason: '「不予通过」须填写意见（原因）' });
  });

  it('only refused and withdrawn claims give their frequency-limit slot back; a recovered claim keeps it', () => {
    expect([...RELEASING_STATUSES].sort()).toEqual(['refused', 'withdrawn']);
    expect(RELEASING_STATUSES.has('recovered')).toBe(false);
  });

  it('money the bank sends back after paying returns the claim to the payment queue', () => {
    expect(takeStep('county', 'paid', 'bank_return', '账户已销户')).toEqual({ ok: true, to: 'failed' });
    expect(takeStep('county', 'failed', 'batch')).toEqual({ ok: true, to: 'batched' });
    const noReason = takeStep('county', 'paid', 'bank_return', '');
    expect(!noReason.ok && noReason.reason).toBe('「资金退回」须填写意见（原因）');
  });

  it('an improper payment is recovered by the county office only, from a paid claim, and ends the claim', () => {
    expect(takeStep('county', 'paid', 'recover', '冒名顶替，审计发现')).toEqual({ ok: true, to: 'recovered' });
    expect(availableActions('county', 'paid')).toEqual(['bank_return', 'recover']);
    expect(availableActions('county', 'recovered')).toEqual([]);
    const village = takeStep('village', 'paid', 'recover', '冒名顶替');
    expect(village).toMatchObject({ ok: false, forbidden: true });
    const unpaid = takeStep('county', 'approved', 'recover', '冒名顶替');
    expect(!unpaid.ok && unpaid.reason).toBe('申请当前状态为「公示期满，待拨付」，只有「已拨付」的申请可以违规追回');
    expect(availableActions('auditor', 'paid')).toEqual([]);
  });
});
