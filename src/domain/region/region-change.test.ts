import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPlan, codesToLookUp, planRegionChange, type RegionChange } from './region-change.ts';
import { parentCode, type RegionLevel, regionLevel } from './region-code.ts';
import { isValidOn, type RegionVersion, versionOn } from './region-version.ts';

const FROM = '2023-06-30';

function tree(names: Record<string, string>): RegionVersion[] {
  return Object.entries(names).map(([code, name]) => ({
    code,
    name,
    level: regionLevel(code) as RegionLevel,
    parentCode:
      code.length === 2 ? null : code.slice(0, code.length === 4 ? 2 : code.length === 6 ? 4 : code.length === 9 ? 6 : 9),
    validFrom: FROM,
    validTo: null,
  }));
}

const BASE = tree({
  '15': '内蒙古自治区',
  '1504': '赤峰市',
  '150425': '克什克腾旗',
  '150425100': '经棚镇',
  '150425100201': '北山村',
  '150425100202': '南山村',
  '150425101': '宇宙地镇',
  '150425101201': '宇宙地村',
  '150426': '翁牛特旗',
  '150426100': '乌丹镇',
  '1505': '通辽市',
});

function apply(versions: RegionVersion[], change: RegionChange): RegionVersion[] {
  const r = planRegionChange(change, versions);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return applyPlan(versions, r.plan);
}

function problems(versions: RegionVersion[], change: RegionChange): string {
  const r = planRegionChange(change, versions);
  return r.ok ? 'accepted' : r.problems.map((p) => `${p.field}：${p.message}`).join('；');
}

describe('region changes as new versions', () => {
  it('a rename keeps the old name for every day before it and gives the new one from its first day', () => {
    const after = apply(BASE, { kind: 'rename', code: '150425100', name: '经棚新镇', effective: '2024-01-01' });
    expect(versionOn(after, '150425100', '2023-12-31')?.name).toBe('经棚镇');
    expect(versionOn(after, '150425100', '2024-01-01')?.name).toBe('经棚新镇');
    // The villages keep their codes and their parent.
    expect(versionOn(after, '150425100201', '2024-06-01')?.parentCode).toBe('150425100');
  });

  it('a merged township is gone from the merge date on, with its villages, but still answers for earlier dates', () => {
    const after = apply(BASE, { kind: 'merge', code: '150425101', into: '150425100', effective: '2024-01-01' });
    expect(versionOn(after, '150425101', '2023-12-31')?.name).toBe('宇宙地镇');
    expect(versionOn(after, '150425101', '2024-01-01')).toBeUndefined();
    expect(versionOn(after, '150425101201', '2024-01-01')).toBeUndefined();
    expect(versionOn(after, '150425101201', '2023-12-31')?.name).toBe('宇宙地村');
  });

  it('villages of a merged township live on under the absorbing one with the new codes given', () => {
    const r = planRegionChange(
      {
        kind: 'merge',
        code: '150425101',
        into: '150425100',
        effective: '2024-01-01',
        recode: [{ from: '150425101201', to: '150425100203' }],
      },
      BASE,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.open).toEqual([
      { code: '150425100203', name: '宇宙地村', level: 5, parentCode: '150425100', validFrom: '2024-01-01', validTo: null },
    ]);
    expect(r.plan.log.map((l) => [l.kind, l.oldCode, l.newCode])).toEqual([
      ['merge', '150425101', '150425100'],
      ['move', '150425101201', '150425100203'],
    ]);
  });

  it('a moved township takes a new code and its villages follow with codes under it', () => {
    const after = apply(BASE, { kind: 'move', code: '150425101', newCode: '150426101', effective: '2024-01-01' });
    expect(versionOn(after, '150426101', '2024-01-01')).toMatchObject({ name: '宇宙地镇', parentCode: '150426' });
    expect(versionOn(after, '150426101201', '2024-01-01')).toMatchObject({ name: '宇宙地村', parentCode: '150426101' });
    expect(versionOn(after, '150425101', '2024-01-01')).toBeUndefined();
    expect(versionOn(after, '150425101201', '2023-12-31')?.name).toBe('宇宙地村');
  });

  it('refuses a change registered out of order, which would rewrite what is recorded after it', () => {
    const renamed = apply(BASE, { kind: 'rename', code: '150425100', name: '经棚新镇', effective: '2024-01-01' });
    expect(problems(renamed, { kind: 'rename', code: '150425100', name: '经棚老镇', effective: '2023-10-01' })).toBe(
      '生效日期：2023-10-01 不晚于 经棚镇（150425100） 已登记的 2024-01-01 的变更，区划变更须按时间顺序登记',
    );
    expect(problems(renamed, { kind: 'merge', code: '150425', into: '150426', effective: '2023-10-01' })).toMatch(
      /须按时间顺序登记/,
    );
    expect(problems(renamed, { kind: 'rename', code: '150425100', name: '经棚老镇', effective: '2024-01-01' })).toMatch(
      /2024-01-01 不晚于 经棚新镇（150425100） 已登记的 2024-01-01 的变更/,
    );
  });

  it('explains in Chinese why a change cannot be made', () => {
    expect(problems(BASE, { kind: 'rename', code: '150425199', name: '新镇', effective: '2024-01-01' })).toBe(
      '区划代码：150425199 在 2024-01-01 不存在',
    );
    expect(problems(BASE, { kind: 'rename', code: '150425100', name: '经棚镇', effective: '2024-01-01' })).toMatch(
      /与现名称相同/,
    );
    expect(problems(BASE, { kind: 'rename', code: '150425100', name: 'x', effective: '2024-02-30' })).toMatch(/生效日期/);
    expect(problems(BASE, { kind: 'merge', code: '150425101', into: '150426', effective: '2024-01-01' })).toMatch(/级别不同/);
    expect(
      problems(BASE, {
        kind: 'merge',
        code: '150425101',
        into: '150425100',
        effective: '2024-01-01',
        recode: [{ from: '150425101201', to: '150425100201' }],
      }),
    ).toBe('下级新代码第1项：150425100201 在 2024-01-01 已被 北山村 使用');
    expect(
      problems(BASE, {
        kind: 'merge',
        code: '150425101',
        into: '150425100',
        effective: '2024-01-01',
        recode: [{ from: '150425101201', to: '150426100201' }],
      }),
    ).toMatch(/不在 经棚镇（150425100） 之内/);
    expect(problems(BASE, { kind: 'move', code: '150425101', newCode: '150427101', effective: '2024-01-01' })).toMatch(
      /上级区划|150427 在 2024-01-01 不存在/,
    );
    expect(problems(BASE, { kind: 'move', code: '150425100', newCode: '150426100', effective: '2024-01-01' })).toMatch(
      /150426100 在 2024-01-01 已被 乌丹镇 使用/,
    );
  });

  it('registers a change only once it is in force', () => {
    const change: RegionChange = { kind: 'rename', code: '150425100', name: '经棚新镇', effective: '2026-12-01' };
    expect(planRegionChange(change, BASE, '2026-11-30')).toEqual({
      ok: false,
      problems: [{ field: '生效日期', message: '2026-12-01 晚于今天（2026-11-30），请在生效当日或之后登记' }],
    });
    expect(planRegionChange(change, BASE, '2026-12-01').ok).toBe(true);
  });

  it('names the codes whose versions the planner needs', () => {
    expect(codesToLookUp({ kind: 'move', code: '150425101', newCode: '150426101', effective: '2024-01-01' }, BASE)).toEqual([
      '150426',
      '150426101',
      '150426101201',
    ]);
  });
});

describe('properties of region changes', () => {
  const CODES = BASE.map((v) => v.code);
  const DATES = ['2023-01-01', '2023-06-30', '2023-12-31', '2024-01-01', '2024-06-15', '2025-01-01', '2026-03-01'];
  const code = fc.constantFrom(...CODES);
  const date = fc.constantFrom(...DATES.slice(1));
  const SAME_LEVEL = CODES.flatMap((a) =>
    CODES.filter((b) => a !== b && a.length === b.length && a.length > 2).map((b) => [a, b] as const),
  );
  const suffix = fc.integer({ min: 100, max: 102 }).map(String);
  const change: fc.Arbitrary<RegionChange> = fc.oneof(
    fc.record({ kind: fc.constant('rename' as const), code, name: fc.constantFrom('甲', '乙', '丙'), effective: date }),
    fc
      .record({
        pair: fc.constantFrom(...SAME_LEVEL),
        effective: date,
        kids: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
      })
      .map(({ pair: [c, into], effective, kids }) => ({
        kind: 'merge' as const,
        code: c,
        into,
        effective,
        // Mostly the absorbed region's own descendants moved under `into`, sometimes wrong ones.
        recode: kids.flatMap(([n, shift]) => {
          const below = CODES.filter((x) => x.startsWith(c) && x !== c);
          const from = below[n % Math.max(below.length, 1)];
          if (!from) return [];
          const rest = from.slice(c.length);
          return [{ from, to: `${into}${rest.slice(0, -1)}${shift ? '9' : rest.slice(-1)}` }];
        }),
      })),
    // Mostly under a region one level up (a possible new parent), sometimes anywhere.
    fc.record({ code, parent: code, n: fc.nat(), s: suffix, effective: date }).map(({ code: c, parent, n, s, effective }) => {
      const up = CODES.filter((x) => x.length === (parentCode(c) ?? '').length);
      const p = n % 4 === 0 || up.length === 0 ? parent : (up[n % up.length] as string);
      return { kind: 'move' as const, code: c, newCode: `${p}${s}${s}`.slice(0, c.length), effective };
    }),
  );

  const stats = { rename: 0, merge: 0, move: 0, recoded: 0, rejected: 0 };
  afterAll(() => {
    // The generators must produce accepted changes of every kind, or the properties say little.
    expect(stats.rename).toBeGreaterThan(30);
    expect(stats.merge).toBeGreaterThan(15);
    expect(stats.move).toBeGreaterThan(15);
    expect(stats.recoded).toBeGreaterThan(3);
  });

  function step(versions: RegionVersion[], ch: RegionChange): RegionVersion[] {
    const subtree = versions.filter((v) => v.code.startsWith(ch.code));
    const wanted = new Set(codesToLookUp(ch, subtree));
    const known = [...subtree, ...versions.filter((v) => wanted.has(v.code) && !v.code.startsWith(ch.code))];
    const r = planRegionChange(ch, known);
    stats[r.ok ? ch.kind : 'rejected'] += 1;
    if (r.ok && ch.kind === 'merge' && r.plan.open.length > 0) stats.recoded += 1;
    return r.ok ? applyPlan(versions, r.plan) : versions;
  }

  it('no accepted change alters what any region was on any day before it (property)', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), (changes) => {
        let versions = BASE;
        for (const ch of changes) {
          const after = step(versions, ch);
          const allCodes = new Set(after.map((v) => v.code));
          // What a version says about a day: its end date is the one thing a later change may set.
          const onDay = (vs: RegionVersion[], c: string, d: string) => {
            const v = versionOn(vs, c, d);
            return v && { ...v, validTo: undefined };
          };
          for (const d of DATES.filter((x) => x < ch.effective)) {
            for (const c of allCodes) expect(onDay(after, c, d)).toEqual(onDay(versions, c, d));
          }
          versions = after;
        }
      }),
    );
  });

  it('on every day the tree is whole: no code has two versions at once and every region has its parent (property)', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), (changes) => {
        const versions = changes.reduce(step, BASE);
        for (const d of DATES) {
          const valid = versions.filter((v) => isValidOn(v, d));
          const codes = valid.map((v) => v.code);
          expect(new Set(codes).size).toBe(codes.length);
          for (const v of valid) {
            if (v.parentCode !== null) expect(codes).toContain(v.parentCode);
            expect(v.parentCode === null || v.code.startsWith(v.parentCode)).toBe(true);
          }
        }
        for (const v of versions) expect(v.validTo === null || v.validFrom < v.validTo).toBe(true);
      }),
    );
  });
});
