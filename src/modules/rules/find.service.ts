// 政策找人 for officers: start a run over a region (it works in the background, see
// find-runner.ts), follow its progress, page its list by village, and export the list for the
// village cadres who will call on the people (ID numbers and phones masked by right, the
// export audited). Every read goes through the officer's own region scope.
import type { Writable } from 'node:stream';
import { type Selectable, sql } from 'kysely';
import { type Database, inScope, type Scoped } from '../../db/connection.ts';
import type { PushChannel } from '../../db/schema-recommendations.ts';
import type { FindRunsTable, FindSubject } from '../../db/schema-rules.ts';
import { namesLaborer } from '../../domain/claims/employer-claims.ts';
import { formatFen } from '../../domain/money.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import { type Rule, SUBJECT_KIND_NAMES } from '../../domain/rules/index.ts';
import { AppError, errors } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor, canWriteRegister } from '../auth/actor.ts';
import { SafeSheetWriter } from '../imports/workbooks.ts';
import { CHANNEL_NAMES, type EnqueueRow, enqueue, renderPolicyNotice } from '../outbox/index.ts';
import { wechatOpenids } from '../recommendations/recommendations.repository.ts';
import { idFor, idOnScreen, phoneFor } from '../registry/laborer.presenter.ts';
import { catalog } from './catalog.ts';
import {
  EMPLOYER_EXPORT_HEADERS,
  EMPLOYER_EXPORT_WIDTHS,
  type EmployerListItem,
  employerResults,
  writeEmployerRows,
} from './find-employer-list.ts';
import type { FindJobs } from './find-runner.ts';
import {
  WORKSHOP_EXPORT_HEADERS,
  WORKSHOP_EXPORT_WIDTHS,
  type WorkshopListItem,
  workshopResults,
  writeWorkshopRows,
} from './find-workshop-list.ts';
import { regionIn, requireRule } from './rules.service.ts';

type RunRow = Selectable<FindRunsTable>;

const STATUS_NAMES = { queued: '排队中', running: '查找中', done: '已完成', failed: '失败' } as const;

function presentRun(r: RunRow, ruleTitle: string) {
  return {
    id: r.id,
    rule: r.rule_id,
    ruleTitle,
    subject: r.subject,
    region: r.region_code,
    date: r.case_date,
    status: r.status,
    statusName: STATUS_NAMES[r.status],
    total: r.total,
    evaluated: r.evaluated,
    percent: r.status === 'done' ? 100 : r.total > 0 ? Math.min(99, Math.floor((r.evaluated / r.total) * 100)) : 0,
    qualified: r.qualified,
    alreadyClaimed: r.already_claimed,
    amountNotSet: r.amount_not_set,
    toVerify: r.to_verify,
    unmatchedWorkshops: r.unmatched_workshops,
    amountFen: Number(r.amount_fen),
    maxAmountFen: Number(r.max_amount_fen),
    message: r.message,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}
export type FindRunView = ReturnType<typeof presentRun>;

async function titles(): Promise<Map<string, string>> {
  return new Map((await catalog()).rules.map((r) => [r.id, r.title]));
}

/**
 * What a run of the rule looks over: persons, the 帮扶车间 of the region, or its employers with
 * their laborers (an employer rule claimed per laborer, the register says who). Other unit rules
 * are claimed on counts no record holds; none.
 */
function findSubjectOf(rule: Rule): FindSubject | undefined {
  if (rule.subject === 'person' || rule.subject === 'workshop') return rule.subject;
  if (rule.subject === 'employer' && namesLaborer(rule)) return 'employer';
  return undefined;
}

/** Starts 政策找人 for a person rule under a region (the actor's scope by default) on a date (today by default). */
export async function startFindRun(
  database: Database,
  jobs: FindJobs,
  actor: Actor,
  ruleId: string,
  input: { region?: string; date?: string },
): Promise<FindRunView> {
  const cat = await catalog();
  const rule = requireRule(cat, ruleId);
  const subject = findSubjectOf(rule);
  if (!subject) {
    throw new AppError(
      'RULE_NOT_PERSONAL',
      `规则 ${rule.id}（${rule.title}）的对象是${SUBJECT_KIND_NAMES[rule.subject]}，政策找人只能查找劳动力个人、帮扶车间，或按劳动力逐人申报的用人单位`,
      400,
    );
  }
  const date = input.date ?? todayInShanghai();
  if (!isIsoDate(date)) {
    throw errors.invalid('政策找人', [{ field: 'date', label: '日期', message: '应为有效日期（YYYY-MM-DD）', value: date }]);
  }
  const region = regionIn(actor, input.region);
  const run = await inScope(database.kysely, actor.scope, (trx) =>
    trx
      .insertInto('find_runs')
      .values({
        rule_id: rule.id,
        subject,
        region_code: region,
        case_date: date,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  jobs.start(run.id);
  return presentRun(run, rule.title);
}

export async function getFindRun(database: Database, actor: Actor, id: string): Promise<FindRunView> {
  const run = await inScope(database.kysely, actor.scope, (trx) =>
    trx.selectFrom('find_runs').selectAll().where('id', '=', id).executeTakeFirst(),
  );
  if (!run) throw errors.notFound(`政策找人批次 ${id}`);
  return presentRun(run, (await titles()).get(run.rule_id) ?? run.rule_id);
}

export async function listFindRuns(
  database: Database,
  actor: Actor,
  q: { rule?: string; region?: string; page: number; pageSize: number },
) {
  const region = regionIn(actor, q.region);
  const names = await titles();
  return inScope(database.kysely, actor.scope, async (trx) => {
    let base = trx.selectFrom('find_runs').where('region_code', 'like', `${region}%`);
    if (q.rule) base = base.where('rule_id', '=', q.rule);
    const total = Number((await base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => presentRun(r, names.get(r.rule_id) ?? r.rule_id)),
    };
  });
}

interface ResultQuery {
  village?: string;
  status?: 'eligible' | 'amount_not_set' | 'incomplete';
}

function resultsQuery(trx: Scoped, runId: string, region: string, q: ResultQuery) {
  let base = trx
    .selectFrom('find_results as f')
    .innerJoin('persons as p', 'p.id', 'f.person_id')
    .where('f.run_id', '=', runId)
    .where('f.region_code', 'like', `${region}%`);
  if (q.status === 'incomplete') return base.where(sql<boolean>`false`);
  if (q.status) base = base.where('f.status', '=', q.status);
  return base;
}

/** The list's entries with what a list and the export show of each person and village. */
function listedRows(trx: Scoped, runId: string, region: string, q: ResultQuery) {
  return resultsQuery(trx, runId, region, q)
    .leftJoin('regions as v', (j) => j.onRef('v.code', '=', 'f.region_code').on('v.valid_to', 'is', null))
    .select([
      'f.person_id',
      'f.region_code',
      'f.status',
      'f.amount_fen',
      'f.max_amount_fen',
      'f.message',
      'p.name',
      'p.id_number',
      'p.sex',
      'p.phone',
      'v.name as village_name',
    ]);
}

/** The region a list filter asks for: the run's region, or a village or township inside it. */
function filterRegion(run: RunRow, village: string | undefined): string {
  if (!village) return run.region_code;
  if (!/^\d{6,12}$/.test(village) || !village.startsWith(run.region_code)) {
    throw errors.invalid('政策找人名单', [
      { field: 'village', label: '村（社区）', message: `应为本批次区划 ${run.region_code} 内的区划代码`, value: village },
    ]);
  }
  return village;
}

/** One page of a run's list, with the persons' names, masked ID numbers and their villages. */
export async function findRunResults(
  database: Database,
  actor: Actor,
  id: string,
  q: ResultQuery & { page: number; pageSize: number },
) {
  return inScope(database.kysely, actor.scope, async (trx) => {
    const run = await trx.selectFrom('find_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!run) throw errors.notFound(`政策找人批次 ${id}`);
    const region = filterRegion(run, q.village);
    if (run.subject === 'workshop') {
      const page = await workshopResults(trx, id, region, q);
      return {
        run: presentRun(run, (await titles()).get(run.rule_id) ?? run.rule_id),
        ...page,
        items: [],
        workshops: page.items,
        employers: [] as EmployerListItem[],
      };
    }
    if (run.subject === 'employer') {
      const page = await employerResults(trx, id, region, q);
      return {
        run: presentRun(run, (await titles()).get(run.rule_id) ?? run.rule_id),
        ...page,
        items: [],
        workshops: [] as WorkshopListItem[],
        employers: page.items,
      };
    }
    const total = Number(
      (await resultsQuery(trx, id, region, q).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await listedRows(trx, id, region, q)
      .orderBy('f.region_code')
      .orderBy('f.person_id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return {
      run: presentRun(run, (await titles()).get(run.rule_id) ?? run.rule_id),
      total,
      page: q.page,
      pageSize: q.pageSize,
      workshops: [] as WorkshopListItem[],
      employers: [] as EmployerListItem[],
      items: rows.map((r) => ({
        personId: r.person_id,
        name: r.name,
        idNumber: idOnScreen(r.id_number),
        sex: r.sex,
        villageCode: r.region_code,
        villageName: r.village_name ?? '',
        phone: phoneFor(actor, r.phone),
        status: r.status,
        amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
        maxAmountFen: r.max_amount_fen === null ? null : Number(r.max_amount_fen),
        message: r.message,
      })),
    };
  });
}

const EXPORT_HEADERS = ['序号', '姓名', '身份证号', '性别', '所在村（社区）', '村代码', '联系电话', '结论', '金额（元）', '说明'];
const EXPORT_WIDTHS = [8, 10, 22, 6, 28, 16, 16, 14, 12, 60];
const EXPORT_PAGE = 5000;

/** The run's whole list (or one village's) as an Excel sheet for the village cadres; audited. */
export async function exportFindRun(database: Database, actor: Actor, id: string, q: ResultQuery, out: Writable) {
  const head = await inScope(database.kysely, actor.scope, (trx) =>
    trx.selectFrom('find_runs').selectAll().where('id', '=', id).executeTakeFirst(),
  );
  if (!head) throw errors.notFound(`政策找人批次 ${id}`);
  if (head.status !== 'done') {
    throw new AppError(
      'FIND_RUN_NOT_DONE',
      `政策找人批次 ${id} 尚未完成（${STATUS_NAMES[head.status]}），完成后才能导出名单`,
      409,
    );
  }
  const region = filterRegion(head, q.village);
  if (head.subject === 'workshop') {
    const sheet = new SafeSheetWriter(out, '政策找车间名单', WORKSHOP_EXPORT_HEADERS, { widths: WORKSHOP_EXPORT_WIDTHS });
    const rows = await inScope(database.kysely, actor.scope, (trx) => writeWorkshopRows(trx, id, region, q, sheet));
    await sheet.finish();
    await auditExport(database, actor, head, region, rows);
    return rows;
  }
  if (head.subject === 'employer') {
    const sheet = new SafeSheetWriter(out, '政策找单位名单', EMPLOYER_EXPORT_HEADERS, { widths: EMPLOYER_EXPORT_WIDTHS });
    const rows = await inScope(database.kysely, actor.scope, (trx) => writeEmployerRows(trx, actor, id, region, q, sheet));
    await sheet.finish();
    await auditExport(database, actor, head, region, rows);
    return rows;
  }
  const sheet = new SafeSheetWriter(out, '政策找人名单', EXPORT_HEADERS, { widths: EXPORT_WIDTHS });
  let n = 0;
  let after = '0';
  for (;;) {
    const rows = await inScope(database.kysely, actor.scope, (trx) =>
      listedRows(trx, id, region, q).where('f.person_id', '>', after).orderBy('f.person_id').limit(EXPORT_PAGE).execute(),
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      n++;
      const amount = r.amount_fen ?? r.max_amount_fen;
      sheet.addRow([
        n,
        r.name,
        idFor(actor, r.id_number),
        r.sex,
        r.village_name ?? '',
        r.region_code,
        phoneFor(actor, r.phone),
        r.status === 'eligible'
          ? r.amount_fen === null && r.max_amount_fen !== null
            ? '符合（最高）'
            : '符合'
          : '符合，金额待定',
        amount === null ? '' : Number(formatFen(amount)),
        r.message,
      ]);
    }
    after = (rows[rows.length - 1] as { person_id: string }).person_id;
  }
  await sheet.finish();
  await auditExport(database, actor, head, region, n);
  return n;
}

async function auditExport(database: Database, actor: Actor, run: RunRow, region: string, rows: number) {
  await inScope(database.kysely, actor.scope, (trx) =>
    appendAudit(trx, {
      ...auditActor(actor),
      action: 'find_run.export',
      entity: 'find_run',
      entityId: run.id,
      regionCode: region,
      after: { rule: run.rule_id, date: run.case_date, rows, fullId: actor.canViewFullId },
    }),
  );
}

// ---- telling the people found (政策告知) ----

export interface NotifyInput extends ResultQuery {
  channels: PushChannel[];
}

/**
 * Queues a policy notice to everyone on a finished run's list (or one village's), by SMS to the
 * phone in the register, WeChat to a bound account, or the portal's inbox: once per run, person
 * and channel, so pressing it twice sends nothing twice. The outbox's dispatcher sends them.
 */
export async function notifyFindRun(database: Database, actor: Actor, id: string, input: NotifyInput) {
  if (!canWriteRegister(actor)) throw errors.forbidden('通知政策找人名单中的劳动力（只能由县、乡镇、村经办人员操作）');
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const run = await trx.selectFrom('find_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!run) throw errors.notFound(`政策找人批次 ${id}`);
    if (run.status !== 'done') {
      throw new AppError('FIND_RUN_NOT_DONE', `政策找人批次 ${id} 尚未完成（${STATUS_NAMES[run.status]}），完成后才能通知`, 409);
    }
    if (run.subject !== 'person') {
      const units = run.subject === 'workshop' ? '帮扶车间' : '用人单位';
      throw new AppError(
        'FIND_RUN_NOT_PERSONAL',
        `政策找人批次 ${id} 的名单是${units}，政策告知只发给劳动力个人：请按名单中的联系人和电话联系${units}`,
        400,
      );
    }
    const rule = requireRule(cat, run.rule_id);
    const doc = cat.documents.find((d) => d.code === rule.document.code);
    const citation = `${doc?.number || rule.document.code}${rule.articles[0] ? ` ${rule.articles[0]}` : ''}`;
    const region = filterRegion(run, input.village);
    const rows: EnqueueRow[] = [];
    const skipped: { personId: string; channel: PushChannel; reason: string }[] = [];
    let listed = 0;
    let after = '0';
    for (;;) {
      const page = await listedRows(trx, id, region, input)
        .where('f.person_id', '>', after)
        .orderBy('f.person_id')
        .limit(EXPORT_PAGE)
        .execute();
      if (page.length === 0) break;
      after = (page[page.length - 1] as { person_id: string }).person_id;
      listed += page.length;
      const openids = input.channels.includes('wechat')
        ? new Map(
            (
              await wechatOpenids(
                trx,
                page.map((r) => r.person_id),
              )
            ).map((b) => [b.person_id, b.openid]),
          )
        : new Map<string, string>();
      for (const r of page) {
        const amount =
          r.amount_fen !== null
            ? `补贴${formatFen(r.amount_fen).replace(/\.00$/, '')}元`
            : r.max_amount_fen !== null
              ? `最高${formatFen(r.max_amount_fen).replace(/\.00$/, '')}元，按票据等材料核定`
              : '金额待当地设定标准后核定';
        const body = JSON.stringify({
          ...renderPolicyNotice({ name: r.name, ruleTitle: rule.title, citation, amount }),
          personId: r.person_id,
        });
        for (const ch of input.channels) {
          const recipient = ch === 'sms' ? r.phone : ch === 'wechat' ? openids.get(r.person_id) : r.person_id;
          if (!recipient) {
            skipped.push({
              personId: r.person_id,
              channel: ch,
              reason: ch === 'sms' ? `${r.name}未登记手机号` : `${r.name}未绑定微信`,
            });
            continue;
          }
          rows.push({
            find_run_id: id,
            person_id: r.person_id,
            channel: ch,
            region_code: r.region_code,
            recipient,
            template: 'policy_notice',
            body,
            created_by: actor.userId,
          });
        }
      }
    }
    const queued: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) queued.push(...(await enqueue(trx, rows.slice(i, i + 1000))));
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'find_run.notify',
      entity: 'find_run',
      entityId: id,
      regionCode: region,
      after: { rule: run.rule_id, channels: input.channels, listed, queued: queued.length, skipped: skipped.length },
    });
    return {
      listed,
      queued: queued.length,
      alreadyQueued: rows.length - queued.length,
      skipped,
      channels: input.channels.map((c) => ({ channel: c, name: CHANNEL_NAMES[c] })),
    };
  });
}
