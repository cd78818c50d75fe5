// Employers and job posts: who may write what, validation shared with the import, an audit
// entry for every change. Officers write inside their scope; an employer's own account
// writes only its own record and posts (scope `employer:<id>`, see src/modules/auth).

import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import {
  EMPLOYER_FIELD_LABELS,
  type EmployerField,
  type RawEmployer,
  validateEmployer,
} from '../../domain/jobs/employer-input.ts';
import {
  JOB_FIELD_LABELS,
  type JobField,
  type JobInput,
  type JobProblem,
  type RawJob,
  validateJobPost,
} from '../../domain/jobs/job-input.ts';
import { findOccupation } from '../../domain/jobs/occupations.ts';
import { JOB_STATUS_NAMES } from '../../domain/jobs/vocabulary.ts';
import { maskPhone } from '../../domain/mask.ts';
import { isInside, isRegionCode } from '../../domain/region/region-code.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { AppError, errors } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { credentialProblems } from '../auth/users.service.ts';
import { loadProvinces } from '../regions/index.ts';
import * as repo from './jobs.repository.ts';

/** Offices that collect jobs and register employers; the auditor and the admin only read. */
const COLLECTORS = new Set(['province', 'city', 'county', 'township', 'village']);

export function canCollectJobs(actor: Actor): boolean {
  return COLLECTORS.has(actor.role);
}

function isEmployer(actor: Actor): actor is Actor & { employerId: string } {
  return actor.role === 'employer' && actor.employerId !== undefined;
}

export function invalidRecord(
  record: string,
  problems: { field: string; label: string; value: string; reason: string }[],
): AppError {
  return new AppError('VALIDATION_FAILED', `${record}：${problems.map((p) => `${p.label}${p.reason}`).join('；')}`, 400, {
    record,
    problems: problems.map((p) => ({ field: p.field, label: p.label, message: p.reason, value: p.value })),
  });
}

// ---- presenters -------------------------------------------------------------------------

export function presentEmployer(r: repo.EmployerRow, actor: Actor) {
  const own = isEmployer(actor) && actor.employerId === r.id;
  const officer = !isEmployer(actor);
  return {
    id: r.id,
    creditCode: r.credit_code,
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name ?? '',
    officeCode: r.office_code,
    industry: r.industry,
    contactName: r.contact_name,
    contactPhone: officer || own ? r.contact_phone : maskPhone(r.contact_phone),
    address: r.address,
    isWorkshop: r.is_workshop,
    isBase: r.is_base,
    openJobs: Number(r.open_jobs ?? 0),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function presentJob(r: repo.JobRow) {
  const occupation = findOccupation(r.occupation_code);
  return {
    id: r.id,
    employerId: r.employer_id,
    employerName: r.employer_name,
    employerIsWorkshop: r.employer_is_workshop,
    employerIsBase: r.employer_is_base,
    regionCode: r.region_code,
    title: r.title,
    occupationCode: r.occupation_code,
    occupationName: occupation?.name ?? '',
    workRegionCode: r.work_region_code,
    workRegionName: r.work_region_name ?? '',
    workPlace: r.work_place,
    openings: r.openings,
    filled: r.filled,
    wageMinFen: Number(r.wage_min_fen),
    wageMaxFen: Number(r.wage_max_fen),
    workingHours: r.working_hours,
    accommodation: r.accommodation,
    meals: r.meals,
    contractMonths: r.contract_months,
    seasonFrom: r.season_from,
    seasonTo: r.season_to,
    ageMin: r.age_min,
    ageMax: r.age_max,
    sexRequired: r.sex_required,
    sexReason: r.sex_reason,
    educationMin: r.education_min,
    skills: r.skills,
    certificates: r.certificates,
    physicalDemand: r.physical_demand,
    suitableForWeak: r.suitable_for_weak,
    status: r.effective_status,
    statusName: JOB_STATUS_NAMES[r.effective_status],
    storedStatus: r.status,
    validUntil: r.valid_until,
    source: r.source,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A job row as the validator's input, so a partial change is validated as a whole post. */
function jobToRaw(r: repo.JobRow): RawJob {
  const p = presentJob(r);
  const raw: RawJob = {};
  for (const k of Object.keys(JOB_FIELD_LABELS) as JobField[]) raw[k] = (p as Record<string, unknown>)[k];
  return raw;
}

function jobColumns(v: JobInput) {
  return {
    title: v.title,
    occupation_code: v.occupationCode,
    work_region_code: v.workRegionCode,
    work_place: v.workPlace,
    openings: v.openings,
    wage_min_fen: v.wageMinFen,
    wage_max_fen: v.wageMaxFen,
    working_hours: v.workingHours,
    accommodation: v.accommodation,
    meals: v.meals,
    contract_months: v.contractMonths,
    season_from: v.seasonFrom,
    season_to: v.seasonTo,
    age_min: v.ageMin,
    age_max: v.ageMax,
    sex_required: v.sexRequired,
    sex_reason: v.sexReason,
    education_min: v.educationMin,
    skills: v.skills,
    certificates: v.certificates,
    physical_demand: v.physicalDemand,
    suitable_for_weak: v.suitableForWeak,
    valid_until: v.validUntil,
  };
}

// ---- occupations and regions --------------------------------------------------------------

/** The place of work must be a current region of the division data; loads its province once. */
export async function checkWorkRegion(database: Database, code: string): Promise<JobProblem | undefined> {
  if (!isRegionCode(code)) return undefined; // the validator has said so already
  await loadProvinces(database, [code.slice(0, 2)]).catch(() => undefined);
  const found = await database.kysely
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return found
    ? undefined
    : { field: 'workRegionCode', label: JOB_FIELD_LABELS.workRegionCode, value: code, reason: '在区划数据中不存在' };
}

// ---- employers --------------------------------------------------------------------------

export async function listEmployers(
  database: Database,
  actor: Actor,
  { mine, ...f }: Omit<repo.EmployerFilters, 'only' | 'of'> & { mine?: boolean | undefined },
  page: number,
  pageSize: number,
) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const filters: repo.EmployerFilters = isEmployer(actor)
      ? { ...f, only: actor.employerId }
      : { ...f, ...(mine ? { of: actor.scope } : {}) };
    const r = await repo.listEmployers(trx, filters, page, pageSize);
    return { total: r.total, page, pageSize, items: r.items.map((e) => presentEmployer(e, actor)) };
  });
}

export async function getEmployer(database: Database, actor: Actor, id: string) {
  if (isEmployer(actor) && actor.employerId !== id) throw errors.notFound(`用人单位（ID ${id}）`);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const e = await repo.getEmployer(trx, id);
    if (!e) throw errors.notFound(`用人单位（ID ${id}）`);
    const mayManage = !isEmployer(actor) && canCollectJobs(actor) && holds(actor, e);
    return {
      ...presentEmployer(e, actor),
      accounts: mayManage
        ? (await repo.employerAccounts(trx, id)).map((a) => ({
            id: a.id,
            username: a.username,
            displayName: a.display_name,
            disabled: a.disabled,
          }))
        : [],
    };
  });
}

/** Does the actor's office hold the employer (registered it, or is above the office that did)? */
function holds(actor: Actor, e: { office_code: string }): boolean {
  return isInside(e.office_code, actor.scope);
}

async function mustFindEmployer(trx: Scoped, id: string) {
  const e = await repo.getEmployer(trx, id);
  if (!e) throw errors.notFound(`用人单位（ID ${id}）`);
  return e;
}

export async function createEmployer(database: Database, actor: Actor, raw: RawEmployer) {
  if (!canCollectJobs(actor)) throw errors.forbidden('登记用人单位（当前角色只能查看）');
  const r = validateEmployer(raw);
  if (!r.ok) throw invalidRecord('用人单位', r.problems);
  const v = r.value;
  // The employer may be registered anywhere (a Shenzhen factory hiring Huize laborers); the
  // office registering it holds it.
  return inScope(database.kysely, actor.scope, async (trx) => {
    const dup = await repo.findEmployerByCreditCode(trx, v.creditCode);
    if (dup) {
      throw errors.conflict(
        'EMPLOYER_EXISTS',
        `用人单位：统一社会信用代码 ${v.creditCode} 已登记为“${dup.name}”（ID ${dup.id}）`,
        {
          record: '用人单位',
          problems: [
            {
              field: 'creditCode',
              label: EMPLOYER_FIELD_LABELS.creditCode,
              message: `已登记为“${dup.name}”`,
              value: v.creditCode,
            },
          ],
          existingId: dup.id,
        },
      );
    }
    const { id } = await trx
      .insertInto('employers')
      .values({
        credit_code: v.creditCode,
        name: v.name,
        region_code: v.regionCode,
        office_code: actor.scope,
        industry: v.industry,
        contact_name: v.contactName,
        contact_phone: v.contactPhone,
        address: v.address,
        is_workshop: v.isWorkshop,
        is_base: v.isBase,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'employer.create',
      entity: 'employer',
      entityId: id,
      regionCode: actor.scope,
      after: v,
    });
    return presentEmployer(await mustFindEmployer(trx, id), actor);
  });
}

/** What an employer may change of its own record; the rest is the office's. */
const EMPLOYER_SELF_FIELDS: ReadonlySet<EmployerField> = new Set(['contactName', 'contactPhone', 'address']);

export async function updateEmployer(database: Database, actor: Actor, id: string, version: number, fields: RawEmployer) {
  const self = isEmployer(actor) && actor.employerId === id;
  if (!self && !canCollectJobs(actor)) throw errors.forbidden('修改用人单位（当前角色只能查看）');
  if (self) {
    const other = (Object.keys(fields) as EmployerField[]).filter((k) => !EMPLOYER_SELF_FIELDS.has(k));
    if (other.length) throw errors.forbidden(`修改${other.map((k) => EMPLOYER_FIELD_LABELS[k]).join('、')}（由人社部门修改）`);
  }
  return inScope(database.kysely, actor.scope, async (trx) => {
    const e = await mustFindEmployer(trx, id);
    if (!self && !holds(actor, e)) throw errors.outOfScope(e.office_code);
    if (e.version !== version) throw staleVersion('用人单位', e.name);
    const before = {
      creditCode: e.credit_code,
      name: e.name,
      regionCode: e.region_code,
      industry: e.industry,
      contactName: e.contact_name,
      contactPhone: e.contact_phone,
      address: e.address,
      isWorkshop: e.is_workshop,
      isBase: e.is_base,
    };
    const r = validateEmployer({ ...before, ...fields });
    if (!r.ok) throw invalidRecord(`用人单位“${e.name}”`, r.problems);
    const v = r.value;
    if (v.creditCode !== e.credit_code) {
      const dup = await repo.findEmployerByCreditCode(trx, v.creditCode);
      if (dup)
        throw errors.conflict(
          'EMPLOYER_EXISTS',
          `用人单位：统一社会信用代码 ${v.creditCode} 已登记为“${dup.name}”（ID ${dup.id}）`,
        );
    }
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== v[k]);
    if (changed.length === 0) return presentEmployer(e, actor);
    await trx
      .updateTable('employers')
      .set({
        credit_code: v.creditCode,
        name: v.name,
        region_code: v.regionCode,
        industry: v.industry,
        contact_name: v.contactName,
        contact_phone: v.contactPhone,
        address: v.address,
        is_workshop: v.isWorkshop,
        is_base: v.isBase,
        updated_at: new Date(),
        version: version + 1,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'employer.update',
      entity: 'employer',
      entityId: id,
      regionCode: e.office_code,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, v[k]])),
    });
    return presentEmployer(await mustFindEmployer(trx, id), actor);
  });
}

function staleVersion(record: string, name: string): AppError {
  return errors.conflict('VERSION_CONFLICT', `${record}“${name}”已被他人修改，请刷新后再改`);
}

/** An officer of the employer's region opens a login for the employer (role employer). */
export async function createEmployerAccount(
  database: Database,
  actor: Actor,
  employerId: string,
  a: { username: string; password: string; displayName?: string | undefined },
) {
  if (!canCollectJobs(actor)) throw errors.forbidden('为用人单位开设账号');
  const problems = credentialProblems(a.username, a.password).map((p) => ({
    field: p.field,
    label: p.label,
    value: p.field === 'username' ? a.username : '',
    reason: p.message,
  }));
  if (problems.length) throw invalidRecord('用人单位账号', problems);
  const e = await inScope(database.kysely, actor.scope, (trx) => mustFindEmployer(trx, employerId));
  if (!holds(actor, e)) throw errors.outOfScope(e.office_code);
  const passwordHash = await hashPassword(a.password);
  return database.kysely.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select(['id', 'employer_id'])
      .where('username', '=', a.username)
      .executeTakeFirst();
    if (taken) throw errors.conflict('USERNAME_TAKEN', `用户名 ${a.username} 已被使用`);
    const displayName = a.displayName?.trim() || e.name;
    const { id } = await trx
      .insertInto('users')
      .values({
        username: a.username,
        display_name: displayName,
        password_hash: passwordHash,
        role: 'employer',
        region_code: e.region_code,
        employer_id: employerId,
        can_view_full_id: false,
        locked_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'user.create',
      entity: 'user',
      entityId: id,
      regionCode: e.office_code,
      after: { role: 'employer', employerId, username: a.username, displayName },
    });
    return { id, username: a.username, displayName, employerId, role: 'employer' as const };
  });
}

// ---- job posts --------------------------------------------------------------------------

export async function listJobs(
  database: Database,
  actor: Actor,
  { mine, ...f }: Omit<repo.JobFilters, 'of'> & { mine?: boolean | undefined },
  page: number,
  pageSize: number,
) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const filters: repo.JobFilters = isEmployer(actor)
      ? { ...f, employer: actor.employerId }
      : { ...f, ...(mine ? { of: actor.scope } : {}) };
    const r = await repo.listJobs(trx, filters, page, pageSize);
    return { total: r.total, page, pageSize, items: r.items.map(presentJob) };
  });
}

export async function getJob(database: Database, actor: Actor, id: string) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const j = await repo.getJob(trx, id);
    if (!j || (isEmployer(actor) && j.employer_id !== actor.employerId)) throw errors.notFound(`岗位（ID ${id}）`);
    return presentJob(j);
  });
}

/** Who writes a post and under which collecting office. */
async function writerFor(trx: Scoped, actor: Actor, employerId: string, region: string | undefined) {
  const e = await mustFindEmployer(trx, employerId);
  if (isEmployer(actor)) {
    if (actor.employerId !== employerId) throw errors.forbidden('为其他单位发布岗位');
    return { employer: e, regionCode: e.office_code, source: 'employer' as const };
  }
  if (!canCollectJobs(actor)) throw errors.forbidden('发布岗位（当前角色只能查看）');
  const regionCode = region ?? actor.scope;
  if (!isRegionCode(regionCode) || !isInside(regionCode, actor.scope)) throw errors.outOfScope(regionCode);
  return { employer: e, regionCode, source: 'form' as const };
}

export async function insertJob(
  trx: Scoped,
  actor: Actor,
  w: { employerId: string; regionCode: string; source: 'form' | 'import' | 'employer' },
  v: JobInput,
): Promise<string> {
  const { id } = await trx
    .insertInto('job_posts')
    .values({
      employer_id: w.employerId,
      region_code: w.regionCode,
      source: w.source,
      created_by: actor.userId,
      ...jobColumns(v),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    ...auditActor(actor),
    action: 'job.create',
    entity: 'job_post',
    entityId: id,
    regionCode: w.regionCode,
    after: { employerId: w.employerId, source: w.source, ...v },
  });
  return id;
}

export async function createJob(database: Database, actor: Actor, employerId: string, raw: RawJob, region?: string) {
  const r = validateJobPost(raw, { today: todayInShanghai(), creating: true });
  if (!r.ok) throw invalidRecord(`岗位“${String(raw.title ?? '').trim()}”`, r.problems);
  const where = await checkWorkRegion(database, r.value.workRegionCode);
  if (where) throw invalidRecord(`岗位“${r.value.title}”`, [where]);
  return inScope(database.kysely, actor.scope, async (trx) => {
    const w = await writerFor(trx, actor, employerId, region);
    const id = await insertJob(trx, actor, { employerId, regionCode: w.regionCode, source: w.source }, r.value);
    return presentJob((await repo.getJob(trx, id)) as repo.JobRow);
  });
}

export async function updateJob(
  database: Database,
  actor: Actor,
  id: string,
  change: { version: number; fields?: RawJob | undefined; status?: 'open' | 'filled' | 'expired' | undefined },
) {
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const j = await repo.getJob(trx, id);
    if (!j || (isEmployer(actor) && j.employer_id !== actor.employerId)) throw errors.notFound(`岗位（ID ${id}）`);
    if (!isEmployer(actor)) {
      if (!canCollectJobs(actor)) throw errors.forbidden('修改岗位（当前角色只能查看）');
      if (!isInside(j.region_code, actor.scope)) throw errors.outOfScope(j.region_code);
    }
    if (j.version !== change.version) throw staleVersion('岗位', j.title);
    const before = jobToRaw(j);
    const r = validateJobPost({ ...before, ...(change.fields ?? {}) }, { today, creating: false });
    if (!r.ok) throw invalidRecord(`岗位“${j.title}”`, r.problems);
    if (r.value.openings < j.filled) {
      throw invalidRecord(`岗位“${j.title}”`, [
        {
          field: 'openings',
          label: JOB_FIELD_LABELS.openings,
          value: String(r.value.openings),
          reason: `不能少于已招人数${j.filled}`,
        },
      ]);
    }
    if (r.value.workRegionCode !== j.work_region_code) {
      const where = await checkWorkRegion(database, r.value.workRegionCode);
      if (where) throw invalidRecord(`岗位“${j.title}”`, [where]);
    }
    const after = { ...r.value } as Record<string, unknown>;
    const changed = (Object.keys(JOB_FIELD_LABELS) as JobField[]).filter(
      (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
    );
    const status = change.status ?? j.status;
    if (status === 'open' && change.status === 'open' && (r.value.validUntil ?? '9999') < today) {
      throw invalidRecord(`岗位“${j.title}”`, [
        {
          field: 'validUntil',
          label: JOB_FIELD_LABELS.validUntil,
          value: r.value.validUntil ?? '',
          reason: '已过期，重新开放须先延长有效期',
        },
      ]);
    }
    if (changed.length === 0 && status === j.status) return presentJob(j);
    await trx
      .updateTable('job_posts')
      .set({ ...jobColumns(r.value), status, updated_at: new Date(), version: change.version + 1 })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      ...auditActor(actor),
      action: status !== j.status ? 'job.status' : 'job.update',
      entity: 'job_post',
      entityId: id,
      regionCode: j.region_code,
      before: { ...Object.fromEntries(changed.map((k) => [k, before[k]])), ...(status !== j.status ? { status: j.status } : {}) },
      after: { ...Object.fromEntries(changed.map((k) => [k, after[k]])), ...(status !== j.status ? { status } : {}) },
    });
    return presentJob((await repo.getJob(trx, id)) as repo.JobRow);
  });
}
