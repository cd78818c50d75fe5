// The server's problems with a designation form on the fields they name. A county problem
// names the county's code (its value), since one field holds many counties.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';

/** Shows problems on `fields`; returns the text for the form's alert, if any is left. */
export function showDesignationProblems(form: FormInstance, error: unknown, fields: readonly string[]): string | undefined {
  if (!(error instanceof ApiError)) return (error as Error).message;
  const problems = error.problems.map((p) =>
    p.field === 'counties' && p.value ? { ...p, message: `${p.value}：${p.message}` } : p,
  );
  const named = new ApiError(error.status, error.code, error.message, { ...error.details, problems });
  const rest = showProblemsOnForm(form, named, fields);
  if (problems.length === 0) return error.message;
  return rest.length > 0 ? rest.map((p) => `${p.label ?? p.field}：${p.message}`).join('；') : undefined;
}
