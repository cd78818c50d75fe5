import { describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../registry/person-input.ts';
import { SPELL_FIELD_LABELS } from '../registry/spell-input.ts';
import { columnForHeader, normalizeHeader, resolveHeader, TEMPLATE_COLUMNS } from './template.ts';

describe('the import template', () => {
  it('has every register field and every current-employment field once, with the labels the form uses', () => {
    const labels = TEMPLATE_COLUMNS.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([...Object.values(FIELD_LABELS), ...Object.values(SPELL_FIELD_LABELS)]);
  });

  it('recognises headers written the way real files write them', () => {
    expect(columnForHeader('身份证号')).toBe('idNumber');
    expect(columnForHeader('公民身份号码')).toBe('idNumber');
    expect(columnForHeader(' * 身份证号码（18位） ')).toBe('idNumber');
    expect(columnForHeader('户号')).toBe('householdNumber');
    expect(columnForHeader('月收入（元）')).toBe('monthlyIncome');
    expect(columnForHeader('劳动能力')).toBe('workCapacity');
    expect(columnForHeader('手机号码')).toBe('phone');
    expect(columnForHeader('务工地点')).toBe('place');
    expect(columnForHeader('意向务工地点')).toBe('preferredPlaces');
    expect(columnForHeader('序号')).toBeUndefined();
    expect(normalizeHeader('Ｘ（说明）：')).toBe('x');
  });

  it('names the missing required columns in Chinese', () => {
    const r = resolveHeader(['户编号', '村代码', '姓名', '性别']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('IMPORT_MISSING_COLUMNS');
    expect(r.problem.message).toBe('缺少必填列：户类型、与户主关系、身份证号、劳动技能');
  });

  it('refuses a file that has the same column twice under two names', () => {
    const r = resolveHeader([...TEMPLATE_COLUMNS.map((c) => c.label), '公民身份号码']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('IMPORT_DUPLICATE_COLUMNS');
    expect(r.problem.message).toContain('“身份证号”与“公民身份号码”');
  });

  it('ignores extra columns and remembers where the known ones are, in any order', () => {
    const headers = ['序号', '身份证号', '姓名', '户编号', '村代码', '户类型', '与户主关系', '劳动技能', '备注'];
    const r = resolveHeader(headers);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.map.ignored).toEqual(['序号', '备注']);
    expect(r.map.index.idNumber).toBe(1);
    expect(r.map.index.villageCode).toBe(4);
    expect(r.map.index.phone).toBeUndefined();
  });
});
