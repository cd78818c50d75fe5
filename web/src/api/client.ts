// The one fetch client of the web app: JSON in and out, the CSRF header on every write,
// errors mapped to ApiError with the server's Chinese message and per-field problems.

export interface FieldProblem {
  field: string;
  label?: string;
  message: string;
  value?: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { record?: string; problems?: FieldProblem[]; [k: string]: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorBody['details'],
  ) {
    super(message);
  }

  get problems(): FieldProblem[] {
    return this.details?.problems ?? [];
  }
}

let csrfToken = '';
let onUnauthenticated: () => void = () => {};

/** Set from the login response and from GET /api/auth/me. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called on any 401 except from the login request itself. */
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

const SAFE = new Set(['GET', 'HEAD']);

/** Query string parameters; empty ones are left out, booleans written as true/false. */
export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/** Builds `path?query` leaving out empty values. */
export function withQuery(path: string, query?: QueryParams): string {
  const q = toSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
}

export function toSearchParams(query?: QueryParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  return params;
}

/** Normalises the server's problem shapes ({message} or {reason}) into FieldProblem. */
function normaliseProblems(details: ApiErrorBody['details']): ApiErrorBody['details'] {
  if (!details?.problems) return details;
  const problems = details.problems.map((p) => {
    const raw = p as FieldProblem & { reason?: string };
    return { ...raw, field: raw.field.replace(/^\//, ''), message: raw.message ?? raw.reason ?? '' };
  });
  return { ...details, problems };
}

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    // not JSON (proxy error page, empty body)
  }
  const message = body.message ?? (res.status >= 500 ? '服务器内部错误，请联系管理员' : `请求失败（${res.status}）`);
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, message, normaliseProblems(body.details));
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Default true: a 401 sends the user to the login page. */
  redirectOn401?: boolean;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (!SAFE.has(method)) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && opts.redirectOn401 !== false) onUnauthenticated();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>(withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
};

/**
 * Lets the browser download a (possibly very large) file straight to disk: the session
 * cookie goes with it. Errors then arrive as a JSON file, so use this only for URLs whose
 * parameters the app itself built.
 */
export function downloadDirect(path: string) {
  const a = document.createElement('a');
  a.href = path;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Fetches a file (so that errors show as messages, not as a JSON page) and saves it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401) onUnauthenticated();
    throw err;
  }
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}
