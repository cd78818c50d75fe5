// The one-time login code of a laborer (劳动者短信验证码登录), without I/O: how a code is made
// and kept (a salted SHA-256, never the code), how long it lives, how many tries it takes, and
// how often one phone or one address may ask for one. The laborer module stores the rows.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** A code lives five minutes. */
export const CODE_TTL_MS = 5 * 60_000;
/** Wrong tries before a code is dead (the right code after that is refused too). */
export const MAX_CODE_TRIES = 5;
/** One phone number may ask again only after a minute, and at most this many times an hour. */
export const PHONE_RESEND_MS = 60_000;
export const PHONE_PER_HOUR = 5;
/** One client address may ask at most this many times an hour (whatever the numbers). */
export const IP_PER_HOUR = 20;
export const HOUR_MS = 3_600_000;

/** Six digits, leading zeros kept; `pick` is crypto.randomInt unless a test gives another. */
export function generateCode(pick: (max: number) => number = randomInt): string {
  return String(pick(1_000_000)).padStart(6, '0');
}

export function hashCode(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

/** The phone as the limits count it: digits only, hashed so the table holds no numbers. */
export function hashPhone(phone: string): string {
  return createHash('sha256').update(normalisePhone(phone)).digest('hex');
}

export function normalisePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
}

/** An 11-digit mainland mobile number. */
export function isMobile(phone: string): boolean {
  return /^1\d{10}$/.test(normalisePhone(phone));
}

export interface StoredCode {
  salt: string;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  usedAt: Date | null;
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'used' | 'expired' | 'locked' }
  | { ok: false; reason: 'wrong'; triesLeft: number };

/**
 * Checks a code typed in at `now` against the latest one sent. Order matters: a used, expired
 * or locked code is refused before its digits are compared, so it gives nothing away. A wrong
 * code counts one try (the caller stores attempts + 1); the fifth wrong try locks it.
 */
export function checkCode(stored: StoredCode, typed: string, now: Date): CodeCheck {
  if (stored.usedAt) return { ok: false, reason: 'used' };
  if (now.getTime() >= stored.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  if (stored.attempts >= MAX_CODE_TRIES) return { ok: false, reason: 'locked' };
  const a = Buffer.from(hashCode(stored.salt, typed.trim()), 'hex');
  const b = Buffer.from(stored.codeHash, 'hex');
  if (a.length === b.length && timingSafeEqual(a, b)) return { ok: true };
  const triesLeft = MAX_CODE_TRIES - (stored.attempts + 1);
  return triesLeft > 0 ? { ok: false, reason: 'wrong', triesLeft } : { ok: false, reason: 'locked' };
}

export interface RecentRequests {
  /** When this phone last asked (null if not within the hour), and how often within the hour. */
  phoneLastAt: Date | null;
  phoneInHour: number;
  ipInHour: number;
}

export type RequestCheck = { ok: true } | { ok: false; waitSeconds: number; why: 'phone_resend' | 'phone_hourly' | 'ip_hourly' };

/** Whether a new code may be asked for now: the limits count requests, matched or not. */
export function mayRequestCode(recent: RecentRequests, now: Date): RequestCheck {
  if (recent.ipInHour >= IP_PER_HOUR) return { ok: false, waitSeconds: HOUR_MS / 1000, why: 'ip_hourly' };
  if (recent.phoneInHour >= PHONE_PER_HOUR) return { ok: false, waitSeconds: HOUR_MS / 1000, why: 'phone_hourly' };
  if (recent.phoneLastAt) {
    const wait = recent.phoneLastAt.getTime() + PHONE_RESEND_MS - now.getTime();
    if (wait > 0) return { ok: false, waitSeconds: Math.ceil(wait / 1000), why: 'phone_resend' };
  }
  return { ok: true };
}

/** The SMS a laborer receives (short: one message of 70 characters). */
export function loginCodeText(code: string): string {
  return `【就业帮扶】您的登录验证码为${code}，${CODE_TTL_MS / 60_000}分钟内有效。如非本人操作请忽略，切勿告诉他人。`;
}
