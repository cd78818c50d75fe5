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

/** One fact against its spec: the normalised value, or a problem. */
export function checkFact(name: string, spec: FactSpec, raw: FactInput): { value: FactInput } | { problem: FactProblem } {
  const bad = (message: string) => ({ problem: { field: name, label: spec.label, message, value: String(raw) } });
  switch (spec.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === '是') return { value: true };
      if (raw === '否') return { value: false };
      return bad('应为 是/否（true/false）');
    case 'integer':
    case 'fen': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(n)) return bad(spec.type === 'fen' ? '应为以分计的整数金额' : '应为整数');
      if (n < 0 || (spec.type === 'integer' && spec.min !== undefined && n < spec.min)) return bad('不能为负数或小于下限');
      if (spec.type === 'integer' && spec.max !== undefined && n > spec.max) return bad(`不能大于 ${spec.max}`);
      return { value: n };
    }
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw) ? { value: raw } : bad('应为有效日期（YYYY-MM-DD）');
    case 'region':
      return typeof raw === 'string' && (/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(raw) || raw === '省外')
        ? { value: raw }
        : bad('应为 2/4/6/9/12 位统计用区划代码，或“省外”');
    case 'text':
      return typeof raw === 'string' && raw.trim() !== '' ? { value: raw.trim() } : bad('不能为空');
    case 'enum':
      return typeof raw === 'string' && spec.values.includes(raw)
        ? { value: raw }
        : bad(`应为以下之一：${spec.values.join('、')}`);
  }
}

/** Validates the facts a rule declares; unknown facts are ignored (a case may serve several rules). */
export function checkFacts(
  specs: FactSpecs,
  facts: Record<string, FactInput>,
): { values: Record<string, FactInput>; problems: FactProblem[]; missing: { name: string; label: string; need: string }[] } {
  const values: Record<string, FactInput> = {};
  const problems: FactProblem[] = [];
  const missing: { name: string; label: string; need: string }[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const raw = facts[name];
    if (raw === undefined || raw === null || raw === '') {
      missing.push({ name, label: spec.label, need: spec.need ?? 'eligibility' });
      continue;
    }
    const r = checkFact(name, spec, raw);
    if ('problem' in r) problems.push(r.problem);
    else values[name] = r.value;
  }
  return { values, problems, missing };
}
