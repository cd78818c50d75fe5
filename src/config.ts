// The one place that reads the environment. Everything else receives a Config.
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  BANGFU_DATA_DIR: z.string().default('data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BANGFU_SESSION_HOURS: z.coerce.number().positive().default(12),
  BANGFU_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  BANGFU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Push senders (src/modules/outbox). Unset: SMS and WeChat messages are written to files under dataDir/outbox.
  BANGFU_SMS_URL: z.string().url().optional(),
  BANGFU_SMS_TOKEN: z.string().optional(),
  BANGFU_SMS_PER_SECOND: z.coerce.number().positive().default(20),
  BANGFU_WECHAT_APPID: z.string().optional(),
  BANGFU_WECHAT_SECRET: z.string().optional(),
  BANGFU_WECHAT_TEMPLATE_ID: z.string().optional(),
  BANGFU_WECHAT_API: z.string().url().default('https://api.weixin.qq.com'),
  BANGFU_WECHAT_PER_SECOND: z.coerce.number().positive().default(20),
});

export interface Config {
  /** Real PostgreSQL when set; embedded PGlite in `dataDir/pglite` otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  sessionHours: number;
  cookieSecure: boolean;
  logLevel: string;
  /** Where pushes go; a channel without its settings writes to a local file. */
  push: {
    sms?: { url: string; token: string | undefined };
    wechat?: { appId: string; secret: string; templateId: string; apiBase: string };
    perSecond: { sms: number; wechat: number };
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误（环境变量）:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.BANGFU_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    sessionHours: e.BANGFU_SESSION_HOURS,
    cookieSecure: e.BANGFU_COOKIE_SECURE === 'true',
    logLevel: e.BANGFU_LOG_LEVEL,
    push: {
      ...(e.BANGFU_SMS_URL ? { sms: { url: e.BANGFU_SMS_URL, token: e.BANGFU_SMS_TOKEN } } : {}),
      ...(e.BANGFU_WECHAT_APPID && e.BANGFU_WECHAT_SECRET && e.BANGFU_WECHAT_TEMPLATE_ID
        ? {
            wechat: {
              appId: e.BANGFU_WECHAT_APPID,
              secret: e.BANGFU_WECHAT_SECRET,
              templateId: e.BANGFU_WECHAT_TEMPLATE_ID,
              apiBase: e.BANGFU_WECHAT_API,
            },
          }
        : {}),
      perSecond: { sms: e.BANGFU_SMS_PER_SECOND, wechat: e.BANGFU_WECHAT_PER_SECOND },
    },
  };
}
