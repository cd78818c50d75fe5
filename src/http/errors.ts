// Every error the API returns has a stable code and a Chinese message; validation errors
// also name the record and the field.

export interface FieldProblem {
  field: string;
  /** The field's name as the user sees it (column header or form label). */
  label?: string;
  message: string;
  value?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: { record?: string; problems?: FieldProblem[]; [k: string]: unknown },
  ) {
    super(message);
  }
}

export const errors = {
  unauthenticated: () => new AppError('AUTH_REQUIRED', '请先登录', 401),
  badCredentials: () => new AppError('AUTH_BAD_CREDENTIALS', '用户名或密码错误', 401),
  locked: (until: Date) =>
    new AppError(
      'AUTH_LOCKED',
      `登录失败次数过多，账号已锁定至 ${until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
      423,
    ),
  csrf: () => new AppError('CSRF_INVALID', '请求缺少有效的 CSRF 令牌，请刷新页面后重试', 403),
  forbidden: (what: string) => new AppError('FORBIDDEN', `无权操作：${what}`, 403),
  outOfScope: (code: string) => new AppError('REGION_OUT_OF_SCOPE', `区划 ${code} 不在您的管辖范围内`, 403),
  notFound: (what: string) => new AppError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`, 404),
  conflict: (code: string, message: string, details?: AppError['details']) => new AppError(code, message, 409, details),
  invalid: (record: string, problems: FieldProblem[]) =>
    new AppError('VALIDATION_FAILED', `${record}：${problems.map((p) => `${p.label ?? p.field}${p.message}`).join('；')}`, 400, {
      record,
      problems,
    }),
};
