// Puts the server's per-field problems on the form fields they name; returns the rest.
import type { FormInstance } from 'antd';
import { ApiError, type FieldProblem } from '../api/client.ts';

export function showProblemsOnForm(form: FormInstance, error: unknown, fieldNames: readonly string[]): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set(fieldNames);
  const byField = new Map<string, string[]>();
  const rest: FieldProblem[] = [];
  for (const p of error.problems) {
    // "fields/name" or "/fields/name" from JSON-schema errors, plain "name" from the validators.
    const field = p.field.split('/').pop() ?? p.field;
    if (known.has(field)) byField.set(field, [...(byField.get(field) ?? []), p.message]);
    else rest.push(p);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}
