import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../idcard/gb11643.ts';
import { parseDate, type RawPerson, splitList, validatePerson } from './person-input.ts';
import { WORK_CAPACITIES } from './vocabulary.ts';

const TODAY = '2026-11-21';
const valid: RawPerson = {
  householdNumber: '150425100200001',
  villageCode: '150425100200',
  householdType: '脱贫户',
  relationship: '户主',
  name: '王建国',
  idNumber: makeIdNumber('150425', '1980-05-06', 11, '男'),
  workCapacity: '普通劳动力',
  migrateWilling: '是',
};

const problemsOf = (raw: RawPerson) => {
  const r = validatePerson(raw, TODAY);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.reason}`);
};

describe('validating a laborer row', () => {
  it('derives sex and birth date from the ID number when the row leaves them empty', () => {
    const r = validatePerson(valid, TODAY);
    expect(r.ok && r.value).toMatchObject({
      sex: '男',
      birthDate: '1980-05-06',
      migrateWilling: true,
      relocated: false,
      studentStatus: '非在校生',
    });
  });

  it('cross-checks sex and birth date written in the row against the ID number', () => {
    expect(problemsOf({ ...valid, sex: '女', birthDate: '1980/5/7' })).toEqual([
      'sex:与身份证号不符（身份证号显示为男）',
      'birthDate:与身份证号不符（身份证号显示为 1980-05-06）',
    ]);
    expect(problemsOf({ ...valid, sex: '男', birthDate: '1980年5月6日' })).toEqual([]);
  });

  it('reports a wrong ID number once, not also a missing sex', () => {
    const id = valid.idNumber ?? '';
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const problems = problemsOf({ ...valid, idNumber: wrong });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^idNumber:校验码错误/);
  });

  it('names every missing required field', () => {
    const fields = problemsOf({}).map((p) => p.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'householdNumber',
        'villageCode',
        'householdType',
        'relationship',
        'name',
        'idNumber',
        'workCapacity',
      ]),
    );
  });

  it('lists the allowed values of an enumeration', () => {
    expect(problemsOf({ ...valid, workCapacity: '强劳力' })[0]).toContain('技能劳动力/普通劳动力');
  });

  it('requires the category of a monitored household and the site of a relocated one', () => {
    expect(problemsOf({ ...valid, householdType: '监测对象' })).toEqual(['monitoringCategory:监测对象户必须填写类别']);
    expect(problemsOf({ ...valid, householdType: '监测对象', monitoringCategory: '边缘易致贫户' })).toEqual([]);
    expect(problemsOf({ ...valid, relocated: '是' })).toEqual(['relocationSite:易地搬迁户必须填写安置点']);
  });

  it('splits multi-valued cells on Chinese and Latin separators and checks service needs', () => {
    expect(splitList('电焊、驾驶，厨师;电焊')).toEqual(['电焊', '驾驶', '厨师']);
    expect(splitList('电焊 二级、 叉车')).toEqual(['电焊 二级', '叉车']);
    expect(problemsOf({ ...valid, serviceNeeds: '职业介绍、算命' })[0]).toContain('算命');
  });

  it('accepts Mongolian names with the middle dot and refuses digits in names', () => {
    expect(problemsOf({ ...valid, name: '巴特尔·朝鲁' })).toEqual([]);
    expect(problemsOf({ ...valid, name: '王2' })[0]).toMatch(/^name:/);
  });

  it('accepts every generated valid row and keeps its values (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('男', '女' as const),
        fc.constantFrom(...WORK_CAPACITIES),
        (d, seq, sex, cap) => {
          const birth = d.toISOString().slice(0, 10);
          const id = makeIdNumber('530326', birth, seq, sex);
          const r = validatePerson({ ...valid, idNumber: id, workCapacity: cap, villageCode: '530326001001' }, TODAY);
          expect(r.ok && [r.value.sex, r.value.birthDate, r.value.workCapacity]).toEqual([sex, birth, cap]);
        },
      ),
    );
  });

  it('never throws on arbitrary text, and reports problems with the field label (property)', () => {
    const keys = Object.keys(valid) as (keyof RawPerson)[];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.string({ maxLength: 30 })), (junk) => {
        const r = validatePerson({ ...valid, ...junk }, TODAY);
        if (!r.ok) for (const p of r.problems) expect(p.label.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('dates in cells', () => {
  it('reads the usual spellings and refuses impossible days', () => {
    expect(['2024-02-29', '2024/2/29', '2024.2.29', '20240229', '2024年2月29日'].map(parseDate)).toEqual(
      Array(5).fill('2024-02-29'),
    );
    expect(['2023-02-29', '2024-13-01', '2024-00-10', 'yesterday', ''].map(parseDate)).toEqual(Array(5).fill(undefined));
  });
});
