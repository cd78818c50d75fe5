// Builders for test data: users who can log in, and households with laborers written
// straight into the database (as a system job, outside row-level security).
import type { FastifyInstance } from 'fastify';
import type { Insertable, Kysely } from 'kysely';
import type { DB, Role } from '../src/db/schema.ts';
import type { JobPostsTable } from '../src/db/schema-jobs.ts';
import { makeIdNumber } from '../src/domain/idcard/gb11643.ts';
import { creditCheckChar } from '../src/domain/jobs/credit-code.ts';
import { todayInShanghai } from '../src/domain/registry/derive.ts';
import { nameInitials } from '../src/domain/registry/name-initials.ts';
import { addDays } from '../src/domain/seed/population.ts';
import { insertUser } from '../src/modules/auth/auth.repository.ts';
import { hashPassword } from '../src/modules/auth/password.ts';

/** Real village codes of the 2023 division dataset. */
export const VILLAGES = {
  /** 内蒙古 赤峰市 克什克腾旗 经棚镇 河东村委会 */
  hedong: '150425100200',
  /** 克什克腾旗 经棚镇 河南店村委会 */
  henandian: '150425100201',
  /** 赤峰市 翁牛特旗 山咀子村委会 */
  shanzuizi: '150426100212',
  /** 云南 曲靖市 会泽县 堂琅社区 */
  tanglang: '530326001001',
} as const;

export const PASSWORD = 'Test@2026pass';

/** A 统一社会信用代码 from its first 17 characters, with the right check character. */
export function creditCode(first17: string): string {
  return first17 + creditCheckChar(first17);
}

/** The day `offsetDays` from today in Asia/Shanghai, as the server counts days. */
export function shanghaiDay(offsetDays: number): string {
  return addDays(todayInShanghai(), offsetDays);
}
let hashed: Promise<string> | undefined;

export async function buildUser(
  db: Kysely<DB>,
  o: { username: string; role: Role; region: string; fullId?: boolean; displayName?: string },
) {
  hashed ??= hashPassword(PASSWORD);
  const r = await insertUser(db, {
    username: o.username,
    displayName: o.displayName ?? o.username,
    passwordHash: await hashed,
    role: o.role,
    regionCode: o.region,
    canViewFullId: o.fullId ?? false,
  });
  return r.id;
}

let seq = 0;

export interface BuiltPerson {
  id: string;
  idNumber: string;
  name: string;
  householdId: string;
  villageCode: string;
}

export async function buildHousehold(
  db: Kysely<DB>,
  o: {
    village: string;
    number?: string;
    type?: '脱贫户' | '监测对象';
    members?: {
      name: string;
      sex?: '男' | '女';
      birth?: string;
      relationship?: string;
      phone?: string;
      idNumber?: string;
      willing?: boolean;
    }[];
  },
): Promise<{ householdId: string; persons: BuiltPerson[] }> {
  seq++;
  const h = await db
    .insertInto('households')
    .values({
      number: o.number ?? `${o.village}${String(seq).padStart(4, '0')}`,
      village_code: o.village,
      type: o.type ?? '脱贫户',
      monitoring_category: o.type === '监测对象' ? '脱贫不稳定户' : null,
      relocation_site: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const members = o.members ?? [{ name: '张三' }];
  const persons: BuiltPerson[] = [];
  for (const [i, m] of members.entries()) {
    const sex = m.sex ?? '男';
    const birth = m.birth ?? `1985-03-0${(seq % 9) + 1}`;
    const idNumber = m.idNumber ?? makeIdNumber(o.village.slice(0, 6), birth, seq * 10 + i, sex);
    const p = await db
      .insertInto('persons')
      .values({
        id_number: idNumber,
        name: m.name,
        name_initials: nameInitials(m.name),
        sex,
        birth_date: birth,
        household_id: h.id,
        relationship: m.relationship ?? (i === 0 ? '户主' : '配偶'),
        village_code: o.village,
        ethnicity: '汉族',
        education: '初中',
        work_capacity: '普通劳动力',
        health: '健康',
        disability: '无',
        phone: m.phone ?? `1380000${String(seq * 10 + i).padStart(4, '0')}`,
        migrate_willing: m.willing ?? true,
        merged_into: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    persons.push({ id: p.id, idNumber, name: m.name, householdId: h.id, villageCode: o.village });
  }
  return { householdId: h.id, persons };
}

/** Logs in through the API and returns headers to send with later requests. */
export async function loginAs(app: FastifyInstance, username: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'bangfu_session');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie: `bangfu_session=${cookie?.value}`, 'x-csrf-token': csrf };
}

/**
 * An open job post of `employerId`, collected by Huize: by default the electronics assembly
 * post in Bao'an, Shenzhen (4,500-6,000 yuan, bed and meals) that the laborer and fair tests
 * recommend; `o` overrides any column.
 */
export async function buildJobPost(
  db: Kysely<DB>,
  employerId: string,
  o: Partial<Insertable<JobPostsTable>> = {},
): Promise<{ id: string }> {
  return db
    .insertInto('job_posts')
    .values({
      employer_id: employerId,
      region_code: '530326',
      title: '电子装配工',
      occupation_code: '6-25-04-00',
      work_region_code: '440306',
      work_place: '广东省深圳市宝安区',
      openings: 5,
      wage_min_fen: 450000,
      wage_max_fen: 600000,
      accommodation: true,
      meals: true,
      ...o,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * A laborer of a household of one in `village` employed by `employer` since `start` (1,600 yuan
 * a month; channel 就地就近 and uninsured unless told), linked to the registered employer
 * `employerId` when given.
 */
export async function buildEmployedLaborer(
  db: Kysely<DB>,
  o: {
    village: string;
    employer: string;
    employerId?: string;
    start: string;
    name: string;
    type?: '脱贫户' | '监测对象';
    channel?: string;
    insured?: boolean;
  },
): Promise<BuiltPerson> {
  const { persons } = await buildHousehold(db, { village: o.village, type: o.type, members: [{ name: o.name }] });
  const p = persons[0];
  if (!p) throw new Error('no person');
  await db
    .insertInto('employment_spells')
    .values({
      person_id: p.id,
      village_code: o.village,
      start_date: o.start,
      channel: o.channel ?? '就地就近',
      place_code: o.village,
      employer: o.employer,
      employer_id: o.employerId ?? null,
      monthly_income_fen: 160000,
      insured: o.insured ?? false,
    })
    .execute();
  return p;
}

/**
 * A laborer working at a 帮扶车间 named `employer` since `start`: what 政策找人 over workshops
 * counts, by its link to the registered workshop `employerId` when given, else by that name.
 */
export function buildWorkshopLaborer(
  db: Kysely<DB>,
  o: { village: string; employer: string; employerId?: string; start: string; name: string; type?: '脱贫户' | '监测对象' },
): Promise<BuiltPerson> {
  return buildEmployedLaborer(db, { ...o, channel: '帮扶车间' });
}
