import { describe, expect, it } from 'vitest';
import { parseDivisionLines, pickProvinceLines, readDivisionRows } from './division-dataset.ts';

const STREETS = { file: 'streets.csv', level: 4 as const, codeLength: 9 };

describe('division dataset', () => {
  it('keeps only the lines of the wanted provinces, wherever they are in the file', () => {
    const csv = Buffer.from(
      [
        'code,name,areaCode,provinceCode,cityCode',
        '110101001,"东华门街道",110101,11,1101',
        '150425100,"经棚镇",150425,15,1504',
        '150425101,"宇宙地镇",150425,15,1504',
        '430102001,"五一路街道",430102,43,4301',
        '150426100,"乌丹镇",150426,15,1504',
        '',
      ].join('\n'),
    );
    const rows = parseDivisionLines(pickProvinceLines(csv, new Set(['15'])), STREETS, new Set(['15']));
    expect(rows.map((r) => r.name)).toEqual(['经棚镇', '宇宙地镇', '乌丹镇']);
    expect(rows[0]).toEqual({ code: '150425100', name: '经棚镇', level: 4, parentCode: '150425' });
  });

  it('reads a last line without a final newline', () => {
    const csv = Buffer.from('code,name,areaCode\n530326100,"钟屏街道",530326');
    expect(pickProvinceLines(csv, new Set(['53'])).toString()).toBe('530326100,"钟屏街道",530326');
  });

  it('refuses a file whose rows do not have the expected shape, instead of loading wrong codes', () => {
    const wanted = new Set(['15']);
    expect(() => parseDivisionLines(Buffer.from('1504251,"经棚镇",150425\n'), STREETS, wanted)).toThrow(/格式不符/);
    expect(() => parseDivisionLines(Buffer.from('150425100,"经棚镇",150426\n'), STREETS, wanted)).toThrow(/格式不符/);
    expect(() => parseDivisionLines(Buffer.from('150425100,"经棚镇"\n'), STREETS, wanted)).toThrow(/格式不符/);
  });

  it('reads the real 2023 codes of a province down to its villages', () => {
    const rows = readDivisionRows(['53']);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('53')?.name).toBe('云南省');
    expect(byCode.get('530326')?.name).toBe('会泽县');
    expect(rows.filter((r) => r.level === 5).length).toBeGreaterThan(14_000);
    expect(rows.every((r) => r.code.startsWith('53'))).toBe(true);
    // Parents come before their children, so a loader can insert in order.
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.parentCode !== null) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
    }
  });
});
