// Taking back a paid amount (county employment office only), in one transaction:
//   * 资金退回: the bank sends back money it had reported paid (退票, e.g. the account was closed
//     later). The payment becomes 'returned', the ledger reverses the paid amount, and the claim
//     goes back to the payment queue (status 'failed'): the bank account is corrected and a
//     later batch pays it. A returned payment is no longer live, so the database still allows
//     one live payment per claim only.
//   * 违规追回: an improper payment is recovered (e.g. 冒名顶替 found by audit, NM-2023-183
//     二（四）). The payment becomes 'recovered', the ledger reverses paid, approved and decided,
//     and the claim ends as 'recovered'. It keeps its frequency-limit slot (see steps.ts).
// Each is recorded once per payment (payment_reversals, unique), as a claim event and in the
// audit log. Two officers acting at once: the claim row is locked and moves only at the version
// both saw, so exactly one of them succeeds and the other is told someone acted first.
import { type Database, inScope } from '../../db/connection.ts';
import { reversedKinds } from '../../domain/claims/ledger.ts';
import { checkReversal, REVERSAL_CAUSE_OF, REVERSAL_LABELS, type ReversalInput } from '../../domain/claims/reversal.ts';
import { CLAIM_ACTION_NAMES, type ReversalAction, takeStep } from '../../domain/claims/steps.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { findRule } from '../../domain/rules/index.ts';
import { AppError, errors } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor } from '../auth/actor.ts';
import { catalog } from '../rules/index.ts';
import { presentClaim } from './claims.presenter.ts';
import * as repo from './claims.repository.ts';
import { claimRecord, invalid, ledgerRow, transition, versionConflict } from './claims.service.ts';

export interface ReversalRequest extends ReversalInput {
  /** The claim version the officer saw (optimistic lock). */
  version: number;
}

export async function reversePaidClaim(
  database: Database,
  actor: Actor,
  id: string,
  action: ReversalAction,
  input: ReversalRequest,
) {
  const cat = await catalog();
  const cause = REVERSAL_CAUSE_OF[action];
  const labels = REVERSAL_LABELS[action];
  return inScope(database.kysely, actor.scope, async (trx) => {
    // Locked: a second officer waits here and then reads the claim and its payment as the first
    // left them (a new version), never the claim before and the payment after.
    const claim = await repo.getClaim(trx, id, true);
    if (!claim) throw errors.notFound(`补贴申请（ID ${id}）`);
    const record = claimRecord(claim);
    // Who and from which status first (the reason is checked with the other fields below).
    const step = takeStep(actor.role, claim.status, action, '-');
    if (!step.ok && step.forbidden) throw errors.forbidden(`${record}：${step.reason}`);
    if (input.version !== claim.version) throw versionConflict(record, claim.version);
    if (!step.ok)
      throw new AppError('CLAIM_STEP_NOT_ALLOWED', `${record}：${step.reason}`, 409, { record, status: claim.status });
    const payment = await repo.paidPaymentOfClaim(trx, claim.id);
    if (!payment) {
      throw new AppError(
        'CLAIM_STEP_NOT_ALLOWED',
        `${record}：没有银行已确认拨付的明细，不能${CLAIM_ACTION_NAMES[action]}`,
        409,
        {
          record,
        },
      );
    }
    const paidOn = payment.settled_at === null ? null : todayInShanghai(new Date(payment.settled_at));
    const problems = checkReversal(action, input, { paidOn, today: todayInShanghai() });
    if (problems.length > 0) throw invalid(record, problems);

    const reason = input.reason.trim();
    const reference = (input.reference ?? '').trim();
    const comment = `${reason}（${labels.date} ${input.date}${reference ? `，${labels.reference} ${reference}` : ''}；明细号 ${payment.detail_no}）`;
    const moved = await transition(trx, actor, claim, action, comment, input.version);
    const taken = await repo.takeBackPayment(trx, payment.id, cause === 'bank_return' ? 'returned' : 'recovered');
    if (!taken) throw versionConflict(record, moved.version);
    const reversal = await repo.insertReversal(trx, {
      payment_id: payment.id,
      claim_id: claim.id,
      region_code: claim.region_code,
      cause,
      amount_fen: payment.amount_fen,
      reason,
      occurred_on: input.date,
      reference,
      actor_id: actor.userId,
      actor_name: auditActor(actor).actorName,
    });
    await repo.appendLedger(
      trx,
      reversedKinds(cause).map((kind) =>
        kind === 'paid'
          ? ledgerRow(claim, actor, 'reversed', payment.amount_fen, {
              reverses: kind,
              paymentId: payment.id,
              cause,
              date: input.date,
            })
          : ledgerRow(claim, actor, 'reversed', claim.amount_fen, { reverses: kind, cause, date: input.date }),
      ),
    );
    await appendAudit(trx, {
      ...auditActor(actor),
      action: `payment.${action}`,
      entity: 'payment',
      entityId: payment.id,
      regionCode: claim.region_code,
      before: { status: payment.status, detailNo: payment.detail_no, amountFen: payment.amount_fen },
      after: { status: taken.status, reversalId: reversal.id, reason, date: input.date, reference, claim: claim.number },
    });
    return presentClaim(actor, moved, { ruleTitle: findRule(cat, moved.rule_id)?.title ?? moved.rule_id });
  });
}
