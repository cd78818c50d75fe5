import { describe, expect, it } from 'vitest';
import { effectiveJobStatus, type RawJob, validateJobPost } from './job-input.ts';

const today = '2026-03-10';
const base: RawJob = {
  title: '电子厂普工',
  occupationCode: '6-25',
  workRegionCode: '441306',
  openings: 30,
  wageMinFen: 450000,
  wageMaxFen: 600000,
  accommodation: true,
  meals: true,
};

function problems(raw: RawJob) {
  const r = validateJobPost({ ...base, ...raw }, { today, creating: true });
  return r.ok ? [] : r.problems.map((p) => `${p.label}${p.reason}`);
}

describe('job post validation (form, API and import share it)', () => {
  it('accepts a complete post and fills the defaults', () => {
    const r = validateJobPost(base, { today, creating: true });
    expect(r.ok && r.value).toMatchObject({ physicalDemand: '中', suitableForWeak: false, sexRequired: null, skills: [] });
  });

  it('reads the text an import file has: 是/否, 人, dates with slashes, lists with 、', () => {
    const r = validateJobPost(
      {
        ...base,
        openings: '30人',
        accommodation: '是',
        meals: '否',
        seasonFrom: '2026/4/1',
        seasonTo: '2026年10月31日',
        skills: '缝纫、熨烫,包装',
      },
      { today, creating: true },
    );
    expect(r.ok && r.value).toMatchObject({
      openings: 30,
      accommodation: true,
      meals: false,
      seasonFrom: '2026-04-01',
      seasonTo: '2026-10-31',
      skills: ['缝纫', '熨烫', '包装'],
    });
  });

  it('names the field and the reason in Chinese', () => {
    expect(problems({ title: '', openings: 0 })).toEqual(['岗位名称不能为空', '招聘人数应在1到100000之间']);
    expect(problems({ occupationCode: '6-77' })).toEqual(['职业代码不在职业分类代码表中（无对应职业时请填所属中类，如 6-05）']);
    expect(problems({ wageMaxFen: 400000 })).toEqual(['月工资上限不能低于月工资下限']);
    expect(problems({ ageMin: 15 })).toEqual(['最低年龄应在16到70之间']);
    expect(problems({ ageMin: 40, ageMax: 30 })).toEqual(['最高年龄不能小于最低年龄40岁']);
  });

  it('allows a sex requirement only with its lawful ground', () => {
    expect(problems({ sexRequired: '男' })[0]).toMatch(/^性别要求的法定理由限定性别须写明法定理由/);
    expect(problems({ sexRequired: '男', sexReason: '矿山井下作业，属女职工禁忌从事的劳动范围' })).toEqual([]);
    expect(problems({ sexRequired: '不限' })).toEqual([]);
  });

  it('does not offer heavy work as fit for weak or semi labor', () => {
    expect(problems({ physicalDemand: '重', suitableForWeak: true })).toEqual([
      '适合弱劳动力或半劳动力体力要求为“重”的岗位不适合弱劳动力或半劳动力',
    ]);
  });

  it('needs both season dates, in order, and refuses a new post whose season or validity has passed', () => {
    expect(problems({ seasonFrom: '2026-04-01' })).toEqual(['季节性用工结束日期季节性用工须同时填写开始和结束日期']);
    expect(problems({ seasonFrom: '2026-04-01', seasonTo: '2026-03-31' })).toEqual(['季节性用工结束日期不能早于开始日期']);
    expect(problems({ seasonFrom: '2026-01-01', seasonTo: '2026-03-09' })).toEqual(['季节性用工结束日期季节已结束，不能发布']);
    expect(problems({ seasonFrom: '2026-01-01', seasonTo: '2026-03-10' })).toEqual([]);
    expect(problems({ validUntil: '2026-02-30' })).toEqual(['有效期至不是有效日期（格式如 2026-03-01）']);
    expect(problems({ validUntil: '2026-03-09' })).toEqual(['有效期至已过期（今天是2026-03-10）']);
  });
});

describe('effective status', () => {
  const j = { status: 'open' as const, openings: 3, filled: 0, validUntil: '2026-03-10', seasonTo: null };
  it('is open through the last valid day and expired the day after', () => {
    expect(effectiveJobStatus(j, '2026-03-10')).toBe('open');
    expect(effectiveJobStatus(j, '2026-03-11')).toBe('expired');
  });
  it('expires with the end of the season', () => {
    expect(effectiveJobStatus({ ...j, validUntil: null, seasonTo: '2026-10-31' }, '2026-11-01')).toBe('expired');
  });
  it('is filled when every opening is taken, and keeps a status set by hand', () => {
    expect(effectiveJobStatus({ ...j, filled: 3 }, '2026-03-01')).toBe('filled');
    expect(effectiveJobStatus({ ...j, status: 'expired' }, '2026-03-01')).toBe('expired');
  });
});
