// Publicity lists (公示名单): reviewed claims of a region published for a period, printable
// and exportable; an objection returns a claim for correction; closing a list after its
// period approves the claims still on it and books the approved amounts in the ledger.
import ExcelJS from 'exceljs';
import { type Database, inScope } from '../../db/connection.ts';
import { rolesFor } from '../../domain/claims/steps.ts';
import { neutraliseFormula } from '../../domain/import/formula.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { formatFen } from '../../domain/money.ts';
import { isInside } from '../../domain/region/region-code.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import { findRule } from '../../domain/rules/index.ts';
import { AppError, errors, type FieldProblem } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import { catalog } from '../rules/index.ts';
import { presentPublicity } from './claims.presenter.ts';
import * as repo from './claims.repository.ts';
import { claimRecord, invalid, ledgerRow, regionWithin, transition } from './claims.service.ts';

export interface NewPublicity {
  region: string;
  title: string;
  from: string;
  to: string;
  claimIds: string[];
}

function requireCounty(actor: Actor, what: string) {
  if (!rolesFor('publish').includes(actor.role)) throw errors.forbidden(`${what}（只能由县级就业部门办理）`);
}

export async function createPublicity(database: Database, actor: Actor, input: NewPublicity) {
  requireCounty(actor, '发布公示');
  const record = `公示名单「${input.title}」`;
  const problems: FieldProblem[] = [];
  if (input.title.trim() === '') problems.push({ field: 'title', label: '标题', message: '不能为空' });
  if (!isIsoDate(input.from)) problems.push({ field: 'from', label: '公示开始日期', message: '应为有效日期', value: input.from });
  if (!isIsoDate(input.to)) problems.push({ field: 'to', label: '公示截止日期', message: '应为有效日期', value: input.to });
  else if (isIsoDate(input.from) && input.to < input.from) {
    problems.push({ field: 'to', label: '公示截止日期', message: `不能早于开始日期 ${input.from}`, value: input.to });
  }
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(input.region))
    problems.push({ field: 'region', label: '公示范围', message: '应为6/9/12位区划代码', value: input.region });
  if (input.claimIds.length === 0)
    problems.push({ field: 'claimIds', label: '公示的申请', message: '至少选择一条审核通过的申请' });
  if (problems.length > 0) throw invalid(record, problems);
  if (!isInside(input.region, actor.scope)) throw errors.outOfScope(input.region);

  return inScope(database.kysely, actor.scope, async (trx) => {
    const ids = [...new Set(input.claimIds)];
    const claims = await repo.claimsByIds(trx, ids, true);
    const missing = ids.filter((id) => !claims.some((c) => c.id === id));
    if (missing.length > 0) throw errors.notFound(`补贴申请（ID ${missing.join('、')}）`);
    const outside = claims.filter((c) => !isInside(c.region_code, input.region));
    if (outside.length > 0) {
      throw invalid(
        record,
        outside.map((c) => ({
          field: 'claimIds',
          label: '公示的申请',
          message: `${claimRecord(c)}不在公示范围 ${input.region} 内`,
          value: c.id,
        })),
      );
    }
    const list = await repo.insertPublicity(trx, {
      region_code: input.region,
      title: input.title.trim(),
      period_from: input.from,
      period_to: input.to,
      created_by: actor.userId,
    });
    for (const c of claims) await transition(trx, actor, c, 'publish', '', undefined, { publicity_id: list.id });
    await repo.addPublicityItems(
      trx,
      claims.map((c) => ({ list_id: list.id, claim_id: c.id, region_code: c.region_code, amount_fen: c.amount_fen })),
    );
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'publicity.create',
      entity: 'publicity',
      entityId: list.id,
      regionCode: list.region_code,
      after: { title: list.title, from: list.period_from, to: list.period_to, claims: claims.map((c) => c.number) },
    });
    return { list: presentPublicity({ ...list, item_count: claims.length }), claimIds: claims.map((c) => c.id) };
  });
}

export async function listPublicity(
  database: Database,
  actor: Actor,
  region: string | undefined,
  status: 'open' | 'closed' | undefined,
) {
  const within = regionWithin(actor, region);
  return inScope(database.kysely, actor.scope, async (trx) =>
    (await repo.listPublicity(trx, within, status)).map(presentPublicity),
  );
}

async function loadList(database: Database, actor: Actor, id: string) {
  const cat = await catalog();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const list = await repo.getPublicity(trx, id);
    if (!list) throw errors.notFound(`公示名单（ID ${id}）`);
    const items = await repo.publicityItems(trx, id);
    const persons = new Map(
      (
        await repo.personIdentities(
          trx,
          items.flatMap((i) => (i.person_id ? [i.person_id] : [])),
        )
      ).map((p) => [p.id, p]),
    );
    const names = await repo.regionNames(
      trx,
      items.map((i) => i.region_code),
    );
    return {
      list: presentPublicity({ ...list, item_count: items.length }),
      items: items.map((i, n) => {
        const rule = findRule(cat, i.rule_id);
        const decision = i.decision as { amountArticle?: string };
        return {
          seq: n + 1,
          claimId: i.claim_id,
          number: i.number,
          beneficiaryName: i.beneficiary_name,
          // A unit's claim about one laborer: the ID number beside the unit is that laborer's.
          laborerName: i.subject_kind === 'person' ? null : i.laborer_name,
          idNumber: i.person_id ? maskIdNumber(persons.get(i.person_id)?.id_number ?? '') : '',
          region: i.region_code,
          regionName: names.get(i.region_code) ?? '',
          rule: i.rule_id,
          ruleTitle: rule?.title ?? i.rule_id,
          basis: `${rule?.document.number || i.document_code} ${decision.amountArticle ?? ''}`.trim(),
          amountFen: Number(i.amount_fen),
          amountYuan: formatFen(i.amount_fen),
          outcome: i.outcome,
          outcomeName: { listed: '公示中', objected: '有异议，已退回', approved: '公示通过' }[i.outcome],
          objection: i.objection,
        };
      }),
    };
  });
}

export const getPublicity = loadList;

export async function objectToClaim(database: Database, actor: Actor, listId: string, claimId: string, comment: string) {
  requireCounty(actor, '登记公示异议');
  return inScope(database.kysely, actor.scope, async (trx) => {
    const list = await repo.getPublicity(trx, listId, true);
    if (!list) throw errors.notFound(`公示名单（ID ${listId}）`);
    if (list.status !== 'open') throw new AppError('PUBLICITY_CLOSED', `公示名单「${list.title}」已结束，不能再登记异议`, 409);
    const claim = await repo.getClaim(trx, claimId, true);
    if (!claim || claim.publicity_id !== list.id) throw errors.notFound(`公示名单「${list.title}」中的申请（ID ${claimId}）`);
    const moved = await transition(trx, actor, claim, 'object', comment, undefined, { publicity_id: null });
    await repo.setItemOutcome(trx, list.id, claim.id, 'objected', comment.trim());
    return { claimId: moved.id, status: moved.status, comment: comment.trim() };
  });
}

export async function closePublicity(database: Database, actor: Actor, id: string, version: number | undefined) {
  requireCounty(actor, '结束公示');
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const list = await repo.getPublicity(trx, id, true);
    if (!list) throw errors.notFound(`公示名单（ID ${id}）`);
    const record = `公示名单「${list.title}」`;
    if (list.status !== 'open') throw new AppError('PUBLICITY_CLOSED', `${record}已结束`, 409);
    if (version !== undefined && version !== list.version) {
      throw errors.conflict('PUBLICITY_VERSION_CONFLICT', `${record}已被他人处理（当前版本 ${list.version}），请刷新后重试`);
    }
    if (today <= list.period_to) {
      throw new AppError(
        'PUBLICITY_NOT_EXPIRED',
        `${record}公示期至 ${list.period_to} 止，期满（${list.period_to} 之后）才能结束公示`,
        409,
        {
          record,
          to: list.period_to,
        },
      );
    }
    const items = (await repo.publicityItems(trx, id)).filter((i) => i.outcome === 'listed');
    const claims = await repo.claimsByIds(
      trx,
      items.map((i) => i.claim_id),
      true,
    );
    const ledger: repo.LedgerInsert[] = [];
    for (const c of claims) {
      const moved = await transition(
        trx,
        actor,
        c,
        'approve',
        `公示期满（${list.period_from} 至 ${list.period_to}）无异议`,
        undefined,
      );
      await repo.setItemOutcome(trx, id, c.id, 'approved');
      ledger.push(ledgerRow(moved, actor, 'approved', moved.amount_fen));
    }
    await repo.appendLedger(trx, ledger);
    const closed = await repo.closePublicity(trx, id, list.version);
    if (!closed) throw errors.conflict('PUBLICITY_VERSION_CONFLICT', `${record}已被他人处理，请刷新后重试`);
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'publicity.close',
      entity: 'publicity',
      entityId: id,
      regionCode: list.region_code,
      before: { status: 'open' },
      after: { status: 'closed', approved: claims.map((c) => c.number) },
    });
    return { list: presentPublicity({ ...closed, item_count: items.length }), approved: claims.map((c) => c.id) };
  });
}

const EXPORT_HEADERS = [
  '序号',
  '申请编号',
  '姓名（单位）',
  '身份证号',
  '所在地区',
  '补贴项目',
  '政策依据',
  '金额（元）',
  '公示结果',
];

/** The list as an .xlsx workbook (every text cell neutralised against formula injection). */
export async function publicityWorkbook(
  database: Database,
  actor: Actor,
  id: string,
): Promise<{ title: string; buffer: Buffer }> {
  const { list, items } = await loadList(database, actor, id);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('公示名单');
  const t = (s: string) => neutraliseFormula(s);
  sheet.addRow([t(list.title)]).font = { bold: true, size: 14 };
  sheet.addRow([t(`公示范围：${list.region}　公示期：${list.from} 至 ${list.to}`)]);
  const header = sheet.addRow(EXPORT_HEADERS);
  header.font = { bold: true };
  for (const i of items) {
    sheet.addRow([
      i.seq,
      t(i.number),
      t(nameCell(i)),
      t(i.idNumber),
      t(i.regionName || i.region),
      t(i.ruleTitle),
      t(i.basis),
      Number(i.amountYuan),
      t(i.outcomeName),
    ]);
  }
  const total = items.filter((i) => i.outcome !== 'objected').reduce((s, i) => s + i.amountFen, 0);
  sheet.addRow(['', '', '', '', '', '', t('合计'), Number(formatFen(total)), '']);
  sheet.columns.forEach((c, n) => {
    c.width = [6, 16, 30, 22, 16, 28, 26, 12, 14][n] ?? 12;
  });
  await inScope(database.kysely, actor.scope, (trx) =>
    appendAudit(trx, {
      ...auditActor(actor),
      action: 'publicity.export',
      entity: 'publicity',
      entityId: id,
      regionCode: list.region,
    }),
  );
  return { title: list.title, buffer: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** 姓名（单位）: a unit's claim about one laborer names the laborer too, whose ID number follows. */
function nameCell(i: { beneficiaryName: string; laborerName: string | null }): string {
  return i.laborerName ? `${i.beneficiaryName}（所涉劳动力：${i.laborerName}）` : i.beneficiaryName;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A print view of the list (plain HTML, A4, no script). */
export async function publicityPrintView(database: Database, actor: Actor, id: string): Promise<string> {
  const { list, items } = await loadList(database, actor, id);
  const rows = items
    .map(
      (i) =>
        `<tr><td>${i.seq}</td><td>${esc(i.number)}</td><td>${esc(nameCell(i))}</td><td>${esc(i.idNumber)}</td><td>${esc(
          i.regionName || i.region,
        )}</td><td>${esc(i.ruleTitle)}</td><td>${esc(i.basis)}</td><td class="n">${i.amountYuan}</td><td>${esc(i.outcomeName)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(list.title)}</title>
<style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; }
h1 { text-align: center; font-size: 18pt; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 3px 5px; }
td.n { text-align: right; }
.note { margin-top: 1em; }
</style></head><body>
<h1>${esc(list.title)}</h1>
<p>公示期：${list.from} 至 ${list.to}（共 ${items.length} 人/单位）</p>
<table><thead><tr>${EXPORT_HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="note">公示期内，如对上述人员（单位）享受补贴有异议，请向当地人力资源和社会保障部门反映。</p>
</body></html>`;
}
