import { describe, expect, it } from 'vitest';
import {
  CODE_TTL_MS,
  checkCode,
  generateCode,
  HOUR_MS,
  hashCode,
  hashPhone,
  IP_PER_HOUR,
  isMobile,
  loginCodeText,
  MAX_CODE_TRIES,
  mayRequestCode,
  PHONE_PER_HOUR,
  PHONE_RESEND_MS,
  type StoredCode,
} from './login-code.ts';

const sent = new Date('2026-11-21T08:00:00Z');
const stored = (o: Partial<StoredCode> = {}): StoredCode => ({
  salt: 'salt1',
  codeHash: hashCode('salt1', '012345'),
  expiresAt: new Date(sent.getTime() + CODE_TTL_MS),
  attempts: 0,
  usedAt: null,
  ...o,
});
const at = (ms: number) => new Date(sent.getTime() + ms);

describe('code generation', () => {
  it('is six digits with leading zeros kept', () => {
    expect(generateCode(() => 42)).toBe('000042');
    expect(generateCode(() => 999_999)).toBe('999999');
    for (let i = 0; i < 50; i++) expect(generateCode()).toMatch(/^\d{6}$/);
  });

  it('keeps a salted hash: the same code under two salts hashes differently, and never equals the code', () => {
    expect(hashCode('a', '123456')).not.toBe(hashCode('b', '123456'));
    expect(hashCode('a', '123456')).not.toContain('123456');
    expect(hashCode('a', '123456')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts a phone the same with spaces, dashes or +86, and knows a mobile number', () => {
    expect(hashPhone('+86 138-0000-1234')).toBe(hashPhone('13800001234'));
    expect(isMobile('138 0000 1234')).toBe(true);
    expect(isMobile('0874-1234567')).toBe(false);
  });

  it('the SMS says the code and how long it lives', () => {
    expect(loginCodeText('012345')).toContain('012345');
    expect(loginCodeText('012345')).toContain('5分钟内有效');
  });
});

describe('code verification', () => {
  it('accepts the right code until it expires (5 minutes), then refuses it as expired', () => {
    expect(checkCode(stored(), '012345', at(0))).toEqual({ ok: true });
    expect(checkCode(stored(), ' 012345 ', at(CODE_TTL_MS - 1))).toEqual({ ok: true });
    expect(checkCode(stored(), '012345', at(CODE_TTL_MS))).toEqual({ ok: false, reason: 'expired' });
  });

  it('a wrong code counts a try; the fifth wrong try locks the code, and then even the right one is refused', () => {
    expect(checkCode(stored(), '111111', at(1000))).toEqual({ ok: false, reason: 'wrong', triesLeft: MAX_CODE_TRIES - 1 });
    expect(checkCode(stored({ attempts: MAX_CODE_TRIES - 2 }), '111111', at(1000))).toEqual({
      ok: false,
      reason: 'wrong',
      triesLeft: 1,
    });
    expect(checkCode(stored({ attempts: MAX_CODE_TRIES - 1 }), '111111', at(1000))).toEqual({ ok: false, reason: 'locked' });
    expect(checkCode(stored({ attempts: MAX_CODE_TRIES }), '012345', at(1000))).toEqual({ ok: false, reason: 'locked' });
  });

  it('a used code cannot log in twice; an expired one is refused before its digits are compared', () => {
    expect(checkCode(stored({ usedAt: at(10) }), '012345', at(20))).toEqual({ ok: false, reason: 'used' });
    expect(checkCode(stored({ attempts: MAX_CODE_TRIES }), '012345', at(CODE_TTL_MS + 1))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

describe('request limits', () => {
  const none = { phoneLastAt: null, phoneInHour: 0, ipInHour: 0 };

  it('one phone may ask again after a minute', () => {
    expect(mayRequestCode(none, sent)).toEqual({ ok: true });
    expect(mayRequestCode({ ...none, phoneLastAt: sent, phoneInHour: 1 }, at(PHONE_RESEND_MS - 1000))).toEqual({
      ok: false,
      waitSeconds: 1,
      why: 'phone_resend',
    });
    expect(mayRequestCode({ ...none, phoneLastAt: sent, phoneInHour: 1 }, at(PHONE_RESEND_MS))).toEqual({ ok: true });
  });

  it(`at most ${PHONE_PER_HOUR} a phone and ${IP_PER_HOUR} an address per hour`, () => {
    expect(mayRequestCode({ ...none, phoneInHour: PHONE_PER_HOUR - 1 }, sent).ok).toBe(true);
    expect(mayRequestCode({ ...none, phoneInHour: PHONE_PER_HOUR }, sent)).toEqual({
      ok: false,
      waitSeconds: HOUR_MS / 1000,
      why: 'phone_hourly',
    });
    expect(mayRequestCode({ ...none, ipInHour: IP_PER_HOUR }, sent)).toMatchObject({ ok: false, why: 'ip_hourly' });
  });
});
