// Checking the facts a case brings against what a rule declares: types, ranges and
// enumerations, with a Chinese message that names the case and the fact.
import type { FactInput, FactSpec, FactSpecs } from './types.ts';

export interface FactProblem {
  field: string;
  label: string;
  message: string;
  value?: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

interface Invalid {
  reason: string;
}

const REGION = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
const INTEGER_TEXT = /^-?\d+$/;

// No closures here: batch runs check millions of facts, and the tsx transform names every
// inner function at each call.
function normalise(spec: FactSpec, raw: FactInput): FactInput | Invalid {
  switch (spec.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === '是') return true;
      if (raw === '否') return false;
      return { reason: '应为 是/否（true/false）' };
    case 'integer':
    case 'fen': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && INTEGER_TEXT.test(raw.trim()) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(n)) return { reason: spec.type === 'fen' ? '应为以分计的整数金额' : '应为整数' };
      if (n < 0 || (spec.type === 'integer' && spec.min !== undefined && n < spec.min)) return { reason: '不能为负数或小于下限' };
      if (spec.type === 'integer' && spec.max !== undefined && n > spec.max) return { reason: `不能大于 ${spec.max}` };
      return n;
    }
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw) ? raw : { reason: '应为有效日期（YYYY-MM-DD）' };
    case 'region':
      return typeof raw === 'string' && (REGION.test(raw) || raw === '省外')
        ? raw
        : { reason: '应为 2/4/6/9/12 位统计用区划代码，或“省外”' };
    case 'text':
      return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : { reason: '不能为空' };
    case 'enum':
      return typeof raw === 'string' && spec.values.includes(raw) ? raw : { reason: `应为以下之一：${spec.values.join('、')}` };
  }
}

/** One fact against its spec: the normalised value, or a problem. */
export function checkFact(name: string, spec: FactSpec, raw: FactInput): { value: FactInput } | { problem: FactProblem } {
  const v = normalise(spec, raw);
  return typeof v === 'object'
    ? { problem: { field: name, label: spec.label, message: v.reason, value: String(raw) } }
    : { value: v };
}

const entriesOf = new WeakMap<FactSpecs, [string, FactSpec][]>();

/** Validates the facts a rule declares; unknown facts are ignored (a case may serve several rules). */
export function checkFacts(
  specs: FactSpecs,
  facts: Record<string, FactInput>,
): { values: Record<string, FactInput>; problems: FactProblem[]; missing: { name: string; label: string; need: string }[] } {
  let entries = entriesOf.get(specs);
  if (entries === undefined) {
    entries = Object.entries(specs);
    entriesOf.set(specs, entries);
  }
  const values: Record<string, FactInput> = {};
  const problems: FactProblem[] = [];
  const missing: { name: string; label: string; need: string }[] = [];
  for (const [name, spec] of entries) {
    const raw = facts[name];
    if (raw === undefined || raw === null || raw === '') {
      missing.push({ name, label: spec.label, need: spec.need ?? 'eligibility' });
      continue;
    }
    const v = normalise(spec, raw);
    if (typeof v === 'object') problems.push({ field: name, label: spec.label, message: v.reason, value: String(raw) });
    else values[name] = v;
  }
  return { values, problems, missing };
}
