import { describe, expect, it } from 'vitest';
import { checkReversal } from './reversal.ts';

const ctx = { paidOn: '2019-06-01', today: '2019-07-01' };

describe('recording a bank return or a recovery', () => {
  it('accepts a reason and a date between the payment and today', () => {
    expect(checkReversal('bank_return', { reason: '收款账户已销户', date: '2019-06-01' }, ctx)).toEqual([]);
    expect(checkReversal('recover', { reason: '冒名顶替', date: '2019-07-01', reference: '会人社追〔2019〕3号' }, ctx)).toEqual(
      [],
    );
  });

  it('names the missing reason and a date before the payment or in the future by the labels of the form', () => {
    expect(checkReversal('recover', { reason: ' ', date: '2019-05-31' }, ctx)).toEqual([
      { field: 'reason', label: '追回原因', message: '不能为空' },
      { field: 'date', label: '追回日期', message: '不能早于拨付日期 2019-06-01', value: '2019-05-31' },
    ]);
    expect(checkReversal('bank_return', { reason: '退票', date: '2019-07-02' }, ctx)).toEqual([
      { field: 'date', label: '退回日期', message: '不能晚于今天', value: '2019-07-02' },
    ]);
    expect(checkReversal('bank_return', { reason: '退票', date: '2019-02-30' }, ctx)[0]).toMatchObject({
      label: '退回日期',
      message: '应为有效日期（YYYY-MM-DD）',
    });
  });
});
