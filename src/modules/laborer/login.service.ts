// A laborer logs in without a password: ID number + the phone in the register + a six-digit
// code sent by SMS (domain/laborer/login-code.ts holds the rules). Every answer is the same
// whether the ID number and phone match the register or not: an unmatched request is stored
// and limited, expires and locks exactly like a matched one, it only never gets a code.
// Every request and every try is audited.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import { normalizeIdNumber, parseIdNumber } from '../../domain/idcard/gb11643.ts';
import {
  CODE_TTL_MS,
  checkCode,
  generateCode,
  HOUR_MS,
  hashCode,
  hashPhone,
  isMobile,
  loginCodeText,
  MAX_CODE_TRIES,
  mayRequestCode,
  normalisePhone,
  PHONE_RESEND_MS,
} from '../../domain/laborer/login-code.ts';
import { maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { AppError, errors, type FieldProblem } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { actorScope, startSession } from '../auth/auth.service.ts';
import type { PushSender } from '../outbox/index.ts';
import * as repo from './login.repository.ts';

const RECORD = '劳动者登录';

export const CODE_SENT_MESSAGE = `如身份证号与台账登记的手机号一致，验证码已发送到该手机，${CODE_TTL_MS / 60_000}分钟内有效`;

const codeInvalid = (extra = '') =>
  new AppError('AUTH_CODE_INVALID', `身份证号、手机号或验证码不正确${extra}`, 401, { record: RECORD });

function checkInput(idNumber: string, phone: string, code?: string): { id: string; phone: string } {
  const problems: FieldProblem[] = [];
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) problems.push({ field: 'idNumber', label: '身份证号', message: parsed.problem.message });
  if (!isMobile(phone)) problems.push({ field: 'phone', label: '手机号', message: '应为11位手机号码' });
  if (code !== undefined && !/^\d{6}$/.test(code.trim()))
    problems.push({ field: 'code', label: '验证码', message: '应为6位数字' });
  if (problems.length > 0) throw errors.invalid(RECORD, problems);
  return { id: normalizeIdNumber(idNumber), phone: normalisePhone(phone) };
}

const idHash = (id: string) => createHash('sha256').update(id).digest('hex');

/** Who the audit names for a login step: the person when matched, else the masked numbers typed. */
function auditWho(id: string, phone: string, person?: { id: string; name: string; village_code: string }) {
  return {
    actorId: null,
    actorName: person ? `${person.name}(劳动者登录)` : `未匹配(${maskIdNumber(id)}/${maskPhone(phone)})`,
    entity: 'laborer_login',
    entityId: person?.id ?? '',
    // An unmatched try is audited under the county that issued the ID number.
    regionCode: person?.village_code ?? id.slice(0, 6),
  };
}

export interface CodeRequest {
  idNumber: string;
  phone: string;
  ip: string;
}

/**
 * Stores the request (limited per phone and per address) and, when the ID number and phone
 * match the register, sends the code by SMS after the commit. The answer never says whether
 * they matched; a failed SMS is audited, not reported (that would tell).
 */
export async function requestCode(database: Database, sms: PushSender, input: CodeRequest) {
  const { id, phone } = checkInput(input.idNumber, input.phone);
  const now = new Date();
  const phoneHash = hashPhone(phone);
  const sent = await database.kysely.transaction().execute(async (trx) => {
    const recent = await repo.recentRequests(trx, phoneHash, input.ip, new Date(now.getTime() - HOUR_MS));
    const may = mayRequestCode(recent, now);
    const person = await repo.personByIdNumber(trx, id);
    const matched = person?.phone && normalisePhone(person.phone) === phone ? person : undefined;
    if (!may.ok) {
      await appendAudit(trx, {
        ...auditWho(id, phone, matched),
        action: 'laborer.code_limited',
        after: { ip: input.ip, why: may.why },
      });
      return { limited: may.waitSeconds } as const;
    }
    const code = matched ? generateCode() : null;
    const salt = matched ? randomBytes(12).toString('hex') : null;
    const row = await repo.insertRequest(trx, {
      idHash: idHash(id),
      phoneHash,
      ip: input.ip,
      personId: matched?.id ?? null,
      salt,
      codeHash: code && salt ? hashCode(salt, code) : null,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    });
    await appendAudit(trx, {
      ...auditWho(id, phone, matched),
      action: 'laborer.code_request',
      after: { ip: input.ip, matched: matched !== undefined, requestId: row.id },
    });
    return { limited: 0, code, requestId: row.id, person: matched } as const;
  });
  if (sent.limited > 0) {
    throw new AppError('AUTH_CODE_RATE_LIMITED', `获取验证码过于频繁，请 ${sent.limited} 秒后再试`, 429, {
      record: RECORD,
      retryAfterSeconds: sent.limited,
    });
  }
  if (sent.code && sent.person) {
    const text = loginCodeText(sent.code);
    const outcome = await sms
      .send({
        id: `login-${sent.requestId}`,
        channel: 'sms',
        recipient: phone,
        template: 'login_code',
        title: '登录验证码',
        text,
        fields: {},
        regionCode: sent.person.village_code,
        personId: sent.person.id,
      })
      .catch((e: unknown) => ({ status: 'failed' as const, error: (e as Error).message }));
    if (outcome.status !== 'sent') {
      await appendAudit(database.kysely, {
        ...auditWho(id, phone, sent.person),
        action: 'laborer.code_send_failed',
        after: { requestId: sent.requestId, error: outcome.error, sender: sms.description },
      });
    }
  }
  return {
    message: CODE_SENT_MESSAGE,
    expiresInSeconds: CODE_TTL_MS / 1000,
    resendAfterSeconds: PHONE_RESEND_MS / 1000,
  };
}

export interface CodeLogin {
  idNumber: string;
  phone: string;
  code: string;
  ip: string;
}

/**
 * Checks the code against the latest request for this ID number and phone; on success makes
 * (or refreshes) the laborer's users row and opens a session. Wrong tries, expiry and lockout
 * answer alike for matched and unmatched requests.
 */
export async function loginWithCode(database: Database, input: CodeLogin, sessionHours: number) {
  const { id, phone } = checkInput(input.idNumber, input.phone, input.code);
  const now = new Date();
  const outcome = await database.kysely.transaction().execute(async (trx) => {
    const row = await repo.latestRequest(trx, idHash(id), hashPhone(phone));
    if (!row) return { error: codeInvalid('，请先获取验证码') } as const;
    const person = row.person_id ? await repo.personByIdNumber(trx, id) : undefined;
    // An unmatched request has no code: compare against a hash no typed code can give.
    const check = checkCode(
      {
        salt: row.salt ?? 'unmatched',
        codeHash: row.code_hash ?? hashCode('unmatched', randomBytes(16).toString('hex')),
        expiresAt: new Date(row.expires_at),
        attempts: row.attempts,
        usedAt: row.used_at ? new Date(row.used_at) : null,
      },
      input.code,
      now,
    );
    const who = auditWho(id, phone, person);
    if (!check.ok) {
      if (check.reason === 'wrong' || check.reason === 'locked') await repo.countTry(trx, row.id);
      await appendAudit(trx, { ...who, action: 'laborer.login_failed', after: { ip: input.ip, reason: check.reason } });
      if (check.reason === 'wrong') return { error: codeInvalid(`（还可再试 ${check.triesLeft} 次）`) } as const;
      if (check.reason === 'locked') {
        return {
          error: new AppError('AUTH_CODE_LOCKED', `验证码输错已达 ${MAX_CODE_TRIES} 次，该验证码已失效，请重新获取`, 423, {
            record: RECORD,
          }),
        } as const;
      }
      return {
        error: new AppError(
          'AUTH_CODE_EXPIRED',
          check.reason === 'used' ? '验证码已使用过，请重新获取' : '验证码已过期，请重新获取',
          401,
          { record: RECORD },
        ),
      } as const;
    }
    if (!person) return { error: codeInvalid() } as const; // merged away since the code was sent
    await repo.markUsed(trx, row.id);
    const user = await repo.upsertLaborerUser(trx, person);
    if (user.disabled) {
      await appendAudit(trx, { ...who, action: 'laborer.login_failed', after: { ip: input.ip, reason: 'disabled' } });
      return {
        error: new AppError('AUTH_DISABLED', '您的账号已停用，请联系村就业信息员', 403, { record: RECORD }),
      } as const;
    }
    const session = await startSession(trx, user.id, sessionHours);
    await appendAudit(trx, {
      ...who,
      actorId: user.id,
      actorName: `${user.display_name}(${user.username})`,
      action: 'laborer.login',
      after: { ip: input.ip, requestId: row.id },
    });
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      ...actorScope({ role: 'laborer', region_code: person.village_code, employer_id: null, person_id: person.id }),
      canViewFullId: false,
    };
    return { session, actor } as const;
  });
  // The failed try is committed with its audit entry before the error goes out.
  if ('error' in outcome) throw outcome.error;
  return { token: outcome.session.token, csrfToken: outcome.session.csrfToken, actor: outcome.actor };
}
