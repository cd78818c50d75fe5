import { describe, expect, it } from 'vitest';
import { registerCheck } from './register-check.ts';

const base = { unitCode: '91433130MA4L2DEF3X', employerRegistered: true, laborerVisible: true, caseDate: '2019-09-30' };
const spell = { startDate: '2018-06-01', endDate: null, channel: '就地就近', insured: true };

describe('the register beside a unit claim for one laborer', () => {
  it('confirms the months in post and insurance at the claiming unit on the case date', () => {
    expect(registerCheck({ ...base, spells: [spell], stated: { monthsInPost: 12, insured: true } })).toEqual({
      level: 'ok',
      note: '台账记录：自 2018-06-01 起在本单位就业（就地就近），至事由日期在岗 15 个月，已参保',
      monthsInPost: 15,
      insured: true,
    });
  });

  it('warns when the claim states more months, or insurance, than the register holds', () => {
    const r = registerCheck({ ...base, spells: [{ ...spell, insured: false }], stated: { monthsInPost: 24, insured: true } });
    expect(r.level).toBe('warning');
    expect(r.note).toContain('与申报不一致：申报在岗 24 个月，台账为 15 个月；申报已参保，台账为未参保');
  });

  it('warns when the register has no employment at the unit, or none on the case date', () => {
    expect(registerCheck({ ...base, spells: [] }).note).toContain('台账中该劳动力没有关联本单位的就业记录');
    const ended = registerCheck({ ...base, spells: [{ ...spell, endDate: '2019-03-31' }] });
    expect(ended).toMatchObject({ level: 'warning', monthsInPost: null });
    expect(ended.note).toContain('（2018-06-01 至 2019-03-31）不含事由日期 2019-09-30');
  });

  it('says it cannot check a unit not registered, or a laborer outside the reviewer’s region', () => {
    expect(registerCheck({ ...base, employerRegistered: false, spells: [] })).toMatchObject({ level: 'info' });
    expect(registerCheck({ ...base, laborerVisible: false, spells: [] }).note).toBe(
      '该劳动力不在您的辖区，无法核对其台账就业记录',
    );
  });
});
