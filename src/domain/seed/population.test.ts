import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../idcard/gb11643.ts';
import { ageOn, isLaborer } from '../registry/derive.ts';
import { validatePerson } from '../registry/person-input.ts';
import { validateSpell } from '../registry/spell-input.ts';
import { parseAreas } from './areas.ts';
import { DEMO_EMPLOYER_USERNAME, DEMO_USERNAMES, demoAccounts } from './demo-accounts.ts';
import {
  generatePopulation,
  isVillageCommittee,
  type PopulationSpec,
  planVillages,
  type SeedCounty,
  type SeedHousehold,
  toRawPerson,
  toRawSpell,
  villageShort,
} from './population.ts';

// Real codes from the statistical division tree (2023): a town, two Mongol sumu, and in 会泽县
// a town, a Hui township and a 街道 of the relocation area.
const KESHIKETENG: SeedCounty = {
  code: '150425',
  name: '克什克腾旗',
  cityName: '赤峰市',
  provinceName: '内蒙古自治区',
  townships: [
    { code: '150425100', name: '经棚镇' },
    { code: '150425202', name: '达日罕乌拉苏木' },
    { code: '150425205', name: '乌兰布统苏木' },
  ],
  villages: [
    { code: '150425100001', name: '光明直属社区', townshipName: '经棚镇' },
    { code: '150425100202', name: '呼必图村委会', townshipName: '经棚镇' },
    { code: '150425100205', name: '红星村委会', townshipName: '经棚镇' },
    { code: '150425202201', name: '巴彦宝力格嘎查', townshipName: '达日罕乌拉苏木' },
    { code: '150425205203', name: '黄芩塔拉嘎查', townshipName: '乌兰布统苏木' },
  ],
};
const HUIZE: SeedCounty = {
  code: '530326',
  name: '会泽县',
  cityName: '曲靖市',
  provinceName: '云南省',
  townships: [
    { code: '530326005', name: '钟屏街道' },
    { code: '530326102', name: '娜姑镇' },
    { code: '530326208', name: '新街回族乡' },
  ],
  villages: [
    { code: '530326005001', name: '泽兴社区居民委员会', townshipName: '钟屏街道' },
    { code: '530326102201', name: '大闸村村民委员会', townshipName: '娜姑镇' },
    { code: '530326102210', name: '红泥村村民委员会', townshipName: '娜姑镇' },
    { code: '530326208203', name: '闸塘村村民委员会', townshipName: '新街回族乡' },
  ],
};
const WORK_PLACES = [
  { code: '150102', name: '呼和浩特市新城区', cityName: '呼和浩特市' },
  { code: '150203', name: '包头市昆都仑区', cityName: '包头市' },
  { code: '150602', name: '鄂尔多斯市东胜区', cityName: '鄂尔多斯市' },
  { code: '150402', name: '赤峰市红山区', cityName: '赤峰市' },
  { code: '150425', name: '赤峰市克什克腾旗', cityName: '赤峰市' },
  { code: '530102', name: '昆明市五华区', cityName: '昆明市' },
  { code: '530302', name: '曲靖市麒麟区', cityName: '曲靖市' },
  { code: '530326', name: '曲靖市会泽县', cityName: '曲靖市' },
];

const TODAY = '2026-11-21';

function spec(seed: number, laborers: number, counties = [KESHIKETENG, HUIZE]): PopulationSpec {
  return { seed, today: TODAY, laborers, counties, workPlaces: WORK_PLACES };
}

function generate(s: PopulationSpec): SeedHousehold[] {
  return [...generatePopulation(s)];
}

const age = (birthDate: string) => ageOn(birthDate, TODAY);

describe('demo population generator', () => {
  it('makes only records that pass the register validation, for any seed and size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 400 }), (seed, laborers) => {
        for (const h of generate(spec(seed, laborers))) {
          for (const p of h.members) {
            const v = validatePerson(toRawPerson(h, p), TODAY);
            if (!v.ok) throw new Error(`${p.name}: ${JSON.stringify(v.problems)}`);
            expect(v.value.idNumber).toBe(p.idNumber);
            expect(v.value.birthDate).toBe(p.birthDate);
            for (const sp of p.spells) {
              const s = validateSpell(toRawSpell(sp), TODAY);
              if (!s.ok) throw new Error(`${p.name} ${sp.channel}: ${JSON.stringify(s.problems)}`);
              expect(s.value.monthlyIncomeFen).toBe(sp.monthlyIncomeFen);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives every person a valid ID number issued by the county, unique across the population', () => {
    const seen = new Set<string>();
    let persons = 0;
    for (const h of generate(spec(7, 3000))) {
      for (const p of h.members) {
        const parsed = parseIdNumber(p.idNumber, TODAY);
        expect(parsed.ok && parsed.value.regionOfIssue === h.countyCode && parsed.value.sex === p.sex).toBe(true);
        seen.add(p.idNumber);
        persons++;
      }
    }
    expect(seen.size).toBe(persons);
  });

  it('builds households with exactly one head and ages that fit the relationships', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const numbers = new Set<string>();
        for (const h of generate(spec(seed, 300))) {
          expect(numbers.has(h.number)).toBe(false);
          numbers.add(h.number);
          expect(h.number.startsWith(h.villageCode)).toBe(true);
          const heads = h.members.filter((m) => m.relationship === '户主');
          expect(heads).toHaveLength(1);
          const headAge = age((heads[0] as (typeof heads)[number]).birthDate);
          expect(headAge).toBeGreaterThanOrEqual(20);
          for (const m of h.members) {
            const a = age(m.birthDate);
            const gap = headAge - a;
            if (m.relationship === '配偶') expect(Math.abs(gap)).toBeLessThanOrEqual(10);
            if (m.relationship === '子' || m.relationship === '女') expect(gap).toBeGreaterThanOrEqual(16);
            if (m.relationship === '子' || m.relationship === '女') expect(gap).toBeLessThanOrEqual(45);
            if (m.relationship === '孙子' || m.relationship === '孙女') expect(gap).toBeGreaterThanOrEqual(34);
            if (m.relationship === '父亲' || m.relationship === '母亲') expect(-gap).toBeGreaterThanOrEqual(20);
            if (m.relationship === '儿媳' || m.relationship === '女婿') expect(a).toBeGreaterThanOrEqual(20);
            if (a < 16) {
              expect(m.workCapacity).toBe('无劳动力');
              expect(m.spells).toHaveLength(0);
            }
            if (m.studentStatus === '在校生') expect(a).toBeLessThanOrEqual(22);
            expect(m.spells.filter((s) => s.endDate === null).length).toBeLessThanOrEqual(1);
            for (const s of m.spells) {
              expect(ageOn(m.birthDate, s.startDate)).toBeGreaterThanOrEqual(16);
              expect(s.startDate <= TODAY && (s.endDate === null || s.endDate < TODAY)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('pays by channel: public-welfare posts 500-1000 yuan a month, migrant work at least 2400', () => {
    for (const h of generate(spec(3, 2000))) {
      for (const s of h.members.flatMap((m) => m.spells)) {
        if (s.channel === '公益性岗位') expect(s.monthlyIncomeFen >= 50_000 && s.monthlyIncomeFen <= 100_000).toBe(true);
        if (s.channel.startsWith('外出务工')) expect(s.monthlyIncomeFen).toBeGreaterThanOrEqual(240_000);
        if (s.outOfProvince) expect(s.placeCode).toBeNull();
        else expect(s.placeCode?.startsWith(h.countyCode.slice(0, 2))).toBe(true);
      }
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generate(spec(42, 500));
    expect(generate(spec(42, 500))).toEqual(a);
    expect(generate(spec(43, 500))).not.toEqual(a);
  });

  it('makes about the number of laborers asked for, in village committees rather than urban communities', () => {
    for (const n of [1, 120, 1000, 2500]) {
      const hs = generate(spec(11, n));
      const laborers = hs.flatMap((h) => h.members).filter((m) => isLaborer(m, TODAY)).length;
      expect(laborers).toBeGreaterThanOrEqual(n);
      expect(laborers).toBeLessThan(n + 8 * planVillages(spec(11, n)).length);
      expect(hs.every((h) => isVillageCommittee(h.villageCode))).toBe(true);
    }
  });

  it('has Mongol persons with Mongolian names in Inner Mongolia and Hui persons in the Hui township of Huize', () => {
    const persons = generate(spec(5, 3000)).flatMap((h) => h.members.map((m) => ({ ...m, village: h.villageCode })));
    const mongols = persons.filter((p) => p.ethnicity === '蒙古族');
    expect(mongols.length).toBeGreaterThan(0);
    expect(mongols.every((p) => p.village.startsWith('15'))).toBe(true);
    expect(
      mongols.some((p) => ['巴特尔', '其其格', '乌云', '苏和', '孟和', '娜仁', '斯琴', '朝鲁', '宝音', '乌兰'].includes(p.name)),
    ).toBe(true);
    const hui = persons.filter((p) => p.village === '530326208203');
    expect(hui.filter((p) => p.ethnicity === '回族').length / hui.length).toBeGreaterThan(0.3);
  });

  it('includes likely duplicates: same name and birth date as an earlier person of the county, another ID number', () => {
    const hs = generate(spec(9, 1500));
    const byId = new Map(hs.flatMap((h) => h.members.map((m) => [m.idNumber, { ...m, county: h.countyCode }] as const)));
    const dups = hs.flatMap((h) => h.members.filter((m) => m.duplicateOf).map((m) => ({ ...m, county: h.countyCode })));
    expect(dups.length).toBeGreaterThan(0);
    for (const d of dups) {
      const original = byId.get(d.duplicateOf as string);
      expect(original).toBeDefined();
      expect([original?.name, original?.birthDate, original?.county]).toEqual([d.name, d.birthDate, d.county]);
      expect(original?.idNumber).not.toBe(d.idNumber);
    }
  });

  it('records relocated households with a site and monitored households with a category', () => {
    const hs = generate(spec(13, 3000));
    expect(hs.some((h) => h.relocated && h.relocationSite)).toBe(true);
    expect(hs.some((h) => h.type === '监测对象' && h.monitoringCategory)).toBe(true);
    expect(hs.filter((h) => h.type === '脱贫户').length).toBeGreaterThan(hs.length / 2);
  });
});

describe('seed areas and demo accounts', () => {
  it('understands presets and codes, dropping codes inside others', () => {
    expect(parseAreas('nm')).toEqual({ ok: true, codes: ['150425', '150426', '150921'] });
    expect(parseAreas('huize,530326102')).toEqual({ ok: true, codes: ['530326'] });
    expect(parseAreas('shanghai').ok).toBe(false);
  });

  it('puts the village collector and township officer where data was seeded', () => {
    const accounts = demoAccounts([{ code: '150425100202', name: '呼必图村委会', townshipName: '经棚镇' }]);
    // The employer login is made with the seeded workshop (src/modules/seed/demo-users.ts), not here.
    expect(accounts.map((a) => a.username)).toEqual(DEMO_USERNAMES.filter((u) => u !== DEMO_EMPLOYER_USERNAME));
    expect(accounts.find((a) => a.role === 'village')?.regionCode).toBe('150425100202');
    expect(accounts.find((a) => a.role === 'township')?.regionCode).toBe('150425100');
    expect(accounts.filter((a) => a.canViewFullId).map((a) => a.regionCode)).toEqual(['150425']);
  });

  it('shortens village committee names the way people say them', () => {
    expect(villageShort('红泥村村民委员会')).toBe('红泥村');
    expect(villageShort('河东村委会')).toBe('河东村');
    expect(villageShort('巴彦宝力格嘎查')).toBe('巴彦宝力格嘎查');
  });
});
