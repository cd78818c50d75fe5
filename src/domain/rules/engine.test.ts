// The engine's promises, on a small catalogue built in the test: scope and period answer
// "not in force" with the dates, missing facts are named, region-set amounts are never
// guessed, malformed cases are refused naming the fact, and decisions can be replayed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseInputError, evaluateCase, evaluateRule } from './engine.ts';
import { type Catalog, defineRule, type Rule } from './rule.ts';
import type { Case, PolicyDocument, RegionalSetting } from './types.ts';

const doc: PolicyDocument = {
  code: 'XX-2019-1',
  number: '测试〔2019〕1号',
  title: '测试盟就业扶贫补贴办法',
  issuer: '测试',
  region: '15',
  from: '2019-01-01',
  to: '2020-12-31',
  articles: { 一: '吸纳5人以上，给予奖补，标准由各盟市确定。', 二: '每人每年限一次。' },
};

const formula = defineRule({
  id: 'WS-TEST',
  facts: {
    poorLaborers: { type: 'integer', label: '吸纳贫困劳动力人数', min: 0 },
    months: { type: 'integer', label: '协议期限（月）', need: 'optional' },
  },
  evaluate(c) {
    const n = c.fact('poorLaborers');
    const min = c.param('min_laborers');
    c.check('吸纳贫困劳动力5人以上', n >= min, { value: n, expected: `≥ ${min}`, article: '一' });
    return c.pay(n * c.param('per_person'), `${n} 人 × 标准`, '一');
  },
});

const rule: Rule = {
  id: 'WS-TEST',
  title: '测试车间奖补',
  summary: '吸纳贫困劳动力5人以上的车间，按人数给予一次性奖补。',
  document: doc,
  subject: 'workshop',
  beneficiary: '车间',
  fund: 'employment_fund',
  region: '15',
  from: '2019-01-01',
  to: '2020-12-31',
  articles: ['一'],
  limit: { group: 'ws', window: 'calendar_year', times: 1, article: '二' },
  tags: [],
  parameters: {
    min_laborers: {
      name: 'min_laborers',
      label: '最低吸纳人数',
      unit: 'count',
      values: [{ from: '2019-01-01', to: null, value: 5, article: '一' }],
    },
    per_person: { name: 'per_person', label: '每人奖补标准', unit: 'fen_per_person', values: [], setBy: 'city', article: '一' },
  },
  formula,
};
const catalog: Catalog = { documents: [doc], rules: [rule] };

const base: Case = {
  subject: { kind: 'workshop', name: '河东车间' },
  region: '150425100200',
  date: '2019-06-01',
  facts: { poorLaborers: 6 },
};
const setting = (o: Partial<RegionalSetting>): RegionalSetting => ({
  id: 's1',
  rule: 'WS-TEST',
  parameter: 'per_person',
  region: '1504',
  from: '2019-01-01',
  to: null,
  value: 100000,
  ...o,
});

describe('evaluating a case', () => {
  it('answers "amount not set" naming the league when the league has not set its standard', () => {
    const [d] = evaluateCase(catalog, base);
    expect(d?.status).toBe('amount_not_set');
    expect(d?.amountFen).toBeNull();
    expect(d?.message).toContain('1504');
  });

  it('uses the league setting in force on the case date and cites the article', () => {
    const [d] = evaluateCase(catalog, base, { settings: [setting({})] });
    expect(d).toMatchObject({ status: 'eligible', amountFen: 600000 });
    expect(d?.citations).toContainEqual({ document: 'XX-2019-1', article: '一' });
    expect(d?.parameters.find((p) => p.name === 'per_person')).toMatchObject({ source: 's1', region: '1504' });
  });

  it('keeps an earlier period on its own value when a league sets a new standard later', () => {
    const settings = [setting({ to: '2019-12-31' }), setting({ id: 's2', from: '2020-01-01', value: 150000 })];
    expect(evaluateCase(catalog, base, { settings })[0]?.amountFen).toBe(600000);
    expect(evaluateCase(catalog, { ...base, date: '2020-03-01' }, { settings })[0]?.amountFen).toBe(900000);
  });

  it('ignores the setting of another league', () => {
    const [d] = evaluateCase(catalog, base, { settings: [setting({ region: '1505' })] });
    expect(d?.status).toBe('amount_not_set');
  });

  it('refuses at the threshold minus one and lists the failed condition', () => {
    const [d] = evaluateCase(catalog, { ...base, facts: { poorLaborers: 4 } }, { settings: [setting({})] });
    expect(d?.status).toBe('not_eligible');
    expect(d?.message).toContain('吸纳贫困劳动力5人以上');
    expect(d?.trace.find((s) => s.label === '吸纳贫困劳动力5人以上')).toMatchObject({
      passed: false,
      value: '4',
      cite: { article: '一' },
    });
  });

  it('answers "not in force" with the dates outside the period and the region', () => {
    const late = evaluateCase(catalog, { ...base, date: '2021-01-01' })[0];
    expect(late?.status).toBe('not_in_force');
    expect(late?.message).toContain('2019-01-01 至 2020-12-31，已于 2020-12-31 期满；案例日期 2021-01-01');
    const early = evaluateCase(catalog, { ...base, date: '2018-12-31' })[0];
    expect(early?.message).toContain('2019-01-01 至 2020-12-31，自 2019-01-01 起施行；案例日期 2018-12-31');
    expect(evaluateCase(catalog, { ...base, region: '530326001001' })[0]?.status).toBe('not_in_force');
  });

  it('names the missing fact when the rule cannot decide', () => {
    const [d] = evaluateCase(catalog, { ...base, facts: {} });
    expect(d?.status).toBe('incomplete');
    expect(d?.missingFacts).toEqual(['poorLaborers']);
    expect(d?.message).toContain('吸纳贫困劳动力人数');
  });

  it('holds the frequency limit within the calendar year only', () => {
    const settings = [setting({})];
    const history = [{ rule: 'WS-TEST', date: '2019-02-01' }];
    expect(evaluateCase(catalog, { ...base, history }, { settings })[0]?.status).toBe('not_eligible');
    expect(evaluateCase(catalog, { ...base, date: '2020-02-01', history }, { settings })[0]?.status).toBe('eligible');
  });

  it('refuses a malformed case naming the case and the fact', () => {
    const bad = { ...base, id: 'C-7', facts: { poorLaborers: '五' } };
    expect(() => evaluateCase(catalog, bad)).toThrow(CaseInputError);
    try {
      evaluateCase(catalog, bad);
    } catch (e) {
      expect((e as CaseInputError).message).toContain('案例 C-7');
      expect((e as CaseInputError).problems[0]).toMatchObject({ field: 'poorLaborers', label: '吸纳贫困劳动力人数' });
    }
    expect(() => evaluateCase(catalog, { ...base, date: '2019-02-30' })).toThrow(/日期/);
    expect(() => evaluateCase(catalog, { ...base, region: '15042' })).toThrow(/地区/);
  });

  it('gives the same parameter version for the same values and a new one when a value changes', () => {
    const a = evaluateCase(catalog, base, { settings: [setting({})] })[0]?.parameterVersion;
    const b = evaluateCase(catalog, { ...base, facts: { poorLaborers: 9 } }, { settings: [setting({})] })[0]?.parameterVersion;
    const c = evaluateCase(catalog, base, { settings: [setting({ id: 's9', value: 120000 })] })[0]?.parameterVersion;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('decides the same with tracing off (batch runs) as with tracing on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.date({ min: new Date('2018-06-01'), max: new Date('2021-06-01'), noInvalidDate: true }),
        (n, day) => {
          const input = { ...base, date: day.toISOString().slice(0, 10), facts: { poorLaborers: n } };
          const traced = evaluateRule(catalog, rule, input, { settings: [setting({})] });
          const fast = evaluateRule(catalog, rule, input, { settings: [setting({})], trace: false });
          expect(fast.status).toBe(traced.status);
          expect(fast.amountFen).toBe(traced.amountFen);
        },
      ),
    );
  });
});

describe('screening a unit whose record holds only some facts (政策找车间)', () => {
  const contractRule: Rule = {
    ...rule,
    id: 'WS-SCREEN',
    formula: defineRule({
      id: 'WS-SCREEN',
      facts: {
        poorLaborers: { type: 'integer', label: '吸纳贫困劳动力人数', min: 0 },
        contractMonths: { type: 'integer', label: '最短劳动合同期限（月）', min: 0 },
      },
      evaluate(c) {
        const n = c.fact('poorLaborers');
        c.check('吸纳贫困劳动力5人以上', n >= c.param('min_laborers'), { value: n, article: '一' });
        c.check('劳动合同6个月以上', c.fact('contractMonths') >= 6, { value: c.fact('contractMonths'), article: '一' });
        return c.pay(n * 100000, `${n} 人 × 1000 元`, '一');
      },
    }),
  };
  const cat: Catalog = { documents: [doc], rules: [contractRule] };
  const known = { ...base, facts: { poorLaborers: 7 } };

  it('answers "to verify" naming the missing fact when every condition it can check passes, with those checks traced', () => {
    const d = evaluateRule(cat, contractRule, known, { screen: true });
    expect(d).toMatchObject({ status: 'incomplete', missingFacts: ['contractMonths'], amountFen: null });
    expect(d.message).toBe('已知条件均符合，待核实：最短劳动合同期限（月）');
    expect(d.trace.find((s) => s.label === '吸纳贫困劳动力5人以上')).toMatchObject({ passed: true, value: '7' });
    expect(d.trace.some((s) => s.label === '劳动合同6个月以上')).toBe(false);
  });

  it('answers "not eligible" when a condition it can check fails, whatever the missing fact would say', () => {
    const d = evaluateRule(cat, contractRule, { ...known, facts: { poorLaborers: 4 } }, { screen: true });
    expect(d.status).toBe('not_eligible');
    expect(d.message).toContain('吸纳贫困劳动力5人以上');
  });

  it('holds the frequency limit while screening', () => {
    const history = [{ rule: 'WS-SCREEN', date: '2019-02-01' }];
    expect(evaluateRule(cat, contractRule, { ...known, history }, { screen: true }).status).toBe('not_eligible');
  });

  it('without screening a missing fact stops before any condition', () => {
    const d = evaluateRule(cat, contractRule, known);
    expect(d.status).toBe('incomplete');
    expect(d.trace.some((s) => s.label === '吸纳贫困劳动力5人以上')).toBe(false);
  });

  it('decides a case with every fact exactly as without screening', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 24 }), (n, months) => {
        const c = { ...base, facts: { poorLaborers: n, contractMonths: months } };
        const a = evaluateRule(cat, contractRule, c, { screen: true });
        const b = evaluateRule(cat, contractRule, c);
        expect({ ...a, trace: [] }).toEqual({ ...b, trace: [] });
        expect(a.trace).toEqual(b.trace);
      }),
    );
  });
});
