import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../idcard/gb11643.ts';
import { neutraliseFormula, restoreNeutralised } from './formula.ts';
import { checkRow, FileChecks, mergeByColumn, personRowHash, type SourceRow, type VillageCheck } from './row.ts';
import { type HeaderMap, resolveHeader, TEMPLATE_COLUMNS } from './template.ts';

const TODAY = '2026-11-21';
const VILLAGE = '150425100200';
const map = (() => {
  const r = resolveHeader(TEMPLATE_COLUMNS.map((c) => c.label));
  if (!r.ok) throw new Error('template header');
  return r.map as HeaderMap;
})();
const anyVillage: VillageCheck = () => undefined;

function row(rowNumber: number, fields: Record<string, string>): SourceRow {
  return { rowNumber, cells: TEMPLATE_COLUMNS.map((c) => fields[c.label] ?? '') };
}

const ID = makeIdNumber('150425', '1985-03-01', 11, '男');
const base = {
  户编号: 'H001',
  村代码: VILLAGE,
  户类型: '脱贫户',
  与户主关系: '户主',
  姓名: '王建国',
  身份证号: ID,
  劳动技能: '普通劳动力',
};

describe('one import row', () => {
  it('a valid row gives the person, sex and birth date from the ID number, and no spell when the spell columns are empty', () => {
    const r = checkRow(row(2, base), map, TODAY, anyVillage, new FileChecks());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.person).toMatchObject({ idNumber: ID, sex: '男', birthDate: '1985-03-01', villageCode: VILLAGE });
    expect(r.spell).toBeNull();
  });

  it('a wrong check digit is reported on 身份证号 with the expected character', () => {
    const bad = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`;
    const r = checkRow(row(7, { ...base, 身份证号: bad }), map, TODAY, anyVillage, new FileChecks());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rowNumber).toBe(7);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        code: 'ROW_INVALID_VALUE',
        column: '身份证号',
        value: bad,
        reason: expect.stringContaining('校验码错误'),
      }),
    );
  });

  it('impossible dates are refused: a birth date of 30 February, an employment that starts on 31 April', () => {
    const r = checkRow(
      row(3, { ...base, 出生日期: '1985-02-30', 就业渠道: '帮扶车间', 就业开始日期: '2024-04-31' }),
      map,
      TODAY,
      anyVillage,
      new FileChecks(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.column)).toEqual(['出生日期', '就业开始日期']);
    expect(r.problems[0]?.reason).toContain('不是有效日期');
  });

  it('the same ID number in a second row is refused naming the first row, even when the first row had other errors', () => {
    const checks = new FileChecks();
    const first = checkRow(row(2, { ...base, 劳动技能: '很强' }), map, TODAY, anyVillage, checks);
    expect(first.ok).toBe(false);
    const second = checkRow(row(9, { ...base, 身份证号: ID.toLowerCase() }), map, TODAY, anyVillage, checks);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.problems).toEqual([
      { code: 'ROW_DUPLICATE_IN_FILE', column: '身份证号', value: ID, reason: '与第 2 行的身份证号重复（同一人只能填写一行）' },
    ]);
  });

  it('a member whose household columns differ from the household’s first row is refused, naming the row and the column', () => {
    const checks = new FileChecks();
    checkRow(row(2, base), map, TODAY, anyVillage, checks);
    const spouse = { ...base, 姓名: '李秀英', 与户主关系: '配偶', 身份证号: makeIdNumber('150425', '1987-06-15', 12, '女') };
    const r = checkRow(row(3, { ...spouse, 户类型: '监测对象', 监测对象类别: '边缘易致贫户' }), map, TODAY, anyVillage, checks);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.column])).toEqual([
      ['ROW_HOUSEHOLD_CONFLICT', '户类型'],
      ['ROW_HOUSEHOLD_CONFLICT', '监测对象类别'],
    ]);
    expect(r.problems[0]?.reason).toContain('户编号 H001 在第 2 行的户类型为“脱贫户”');
    const son = { ...base, 姓名: '王小军', 与户主关系: '子', 身份证号: makeIdNumber('150425', '2008-01-09', 13, '男') };
    expect(checkRow(row(4, son), map, TODAY, anyVillage, checks).ok).toBe(true);
  });

  it('the region check decides about the village code', () => {
    const outside: VillageCheck = (code) => ({ code: 'ROW_REGION_OUT_OF_SCOPE', reason: `村代码 ${code} 不在您的管辖范围内` });
    const r = checkRow(row(2, base), map, TODAY, outside, new FileChecks());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { code: 'ROW_REGION_OUT_OF_SCOPE', column: '村代码', value: VILLAGE, reason: `村代码 ${VILLAGE} 不在您的管辖范围内` },
    ]);
  });

  it('an ID number that Excel turned into a number is reported as such, not as a wrong check digit', () => {
    const cells = row(5, { ...base, 身份证号: '150425198503010000' });
    const r = checkRow({ ...cells, inexact: [map.index.idNumber as number] }, map, TODAY, anyVillage, new FileChecks());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.filter((p) => p.column === '身份证号')).toEqual([
      expect.objectContaining({ code: 'ROW_NUMBER_AS_NUMERIC', reason: expect.stringContaining('请将本列设为“文本”格式') }),
    ]);
  });

  it('a cell neutralised by an export (an apostrophe before =) is read back as written', () => {
    const r = checkRow(row(2, { ...base, 技能特长: "'=电焊" }), map, TODAY, anyVillage, new FileChecks());
    expect(r.ok && r.person.skills).toEqual(['=电焊']);
  });

  it('several problems in one column become one line (import_errors keeps one per column)', () => {
    const merged = mergeByColumn([
      { code: 'ROW_INVALID_VALUE', column: '性别', value: '男', reason: 'a' },
      { code: 'ROW_INVALID_VALUE', column: '性别', value: '男', reason: 'b' },
    ]);
    expect(merged).toEqual([{ code: 'ROW_INVALID_VALUE', column: '性别', value: '男', reason: 'a；b' }]);
  });
});

describe('the row hash', () => {
  it('is the same for the same values and changes with any person column', () => {
    const r1 = checkRow(row(2, base), map, TODAY, anyVillage, new FileChecks());
    const r2 = checkRow(row(3, { ...base, 联系电话: '13800001111' }), map, TODAY, anyVillage, new FileChecks());
    const r3 = checkRow(row(4, base), map, TODAY, anyVillage, new FileChecks());
    if (!r1.ok || !r2.ok || !r3.ok) throw new Error('rows should be valid');
    expect(r1.rowHash).toBe(r3.rowHash);
    expect(r1.rowHash).not.toBe(r2.rowHash);
    expect(personRowHash({ ...r1.person, skills: ['a', 'b'] })).not.toBe(personRowHash({ ...r1.person, skills: ['a,b'] }));
  });
});

describe('duplicate detection over a large file', () => {
  it('remembers every ID number of a hundred thousand rows and finds each repeat with its first row', () => {
    const idOf = (i: number) =>
      makeIdNumber(
        '150425',
        new Date(Date.UTC(1960, 0, 1) + (i % 10_000) * 86_400_000).toISOString().slice(0, 10),
        2 * Math.floor(i / 10_000) + 1,
        '男',
      );
    const checks = new FileChecks();
    let repeats = 0;
    const wrong: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const repeat = i % 1000 === 999;
      const first = checks.claimId(repeat ? idOf(i - 500) : idOf(i), i + 2);
      if (repeat) repeats += 1;
      if (first !== (repeat ? i - 500 + 2 : undefined)) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(checks.size.ids).toBe(100_000 - repeats);
  });
});

describe('formula neutralising', () => {
  it('prefixes text that a spreadsheet would run as a formula, and only that', () => {
    for (const t of ['=cmd|’/c calc’!A1', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(t)).toBe(`'${t}`);
    for (const t of ['王建国', '150425198503010011', '3500', '', "'已加撇号"]) expect(neutraliseFormula(t)).toBe(t);
  });

  it('round-trips any text', () => {
    fc.assert(fc.property(fc.string(), (t) => restoreNeutralised(neutraliseFormula(t)) === t || /^'[=+\-@\t\r]/.test(t)));
  });
});
