// Creating and listing user accounts (`bangfu users add`, the demo accounts). Passwords are
// hashed with argon2id; every change is audited.

import type { Database } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { isRegionCode, regionLevel } from '../../domain/region/region-code.ts';
import { AppError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { loadProvinces } from '../regions/region-loader.ts';
import { ROLE_NAMES } from './actor.ts';
import { findUserByUsername, insertUser } from './auth.repository.ts';
import { hashPassword } from './password.ts';

export const ROLES = Object.keys(ROLE_NAMES) as Role[];

/** The length of region code each role works at; auditors and admins may have any scope. */
const ROLE_LEVEL: Partial<Record<Role, number>> = { province: 1, city: 2, county: 3, township: 4, village: 5 };

/** What a user of each role is called after the region's name: 会泽县 + 就业服务中心. */
const ROLE_TITLES: Record<Role, string> = {
  province: '人力资源和社会保障厅',
  city: '就业服务中心',
  county: '就业服务中心',
  township: '社保所',
  village: '信息员',
  auditor: '审计',
  admin: '系统管理员',
  employer: '',
  laborer: '',
};

export interface NewUser {
  username: string;
  role: Role;
  regionCode: string;
  password: string;
  displayName?: string | undefined;
  canViewFullId: boolean;
}

export interface SavedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  canViewFullId: boolean;
  created: boolean;
}

/** Why a new account's username or password is refused (one rule for officers and employers), by field. */
export function credentialProblems(
  username: string,
  password: string,
): { field: 'username' | 'password'; label: string; message: string }[] {
  const problems: { field: 'username' | 'password'; label: string; message: string }[] = [];
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(username)) {
    problems.push({ field: 'username', label: '用户名', message: '应为2-32位字母、数字、下划线、点或连字符' });
  }
  if (password.length < 8) problems.push({ field: 'password', label: '密码', message: '至少8位' });
  return problems;
}

function invalid(field: string, message: string): AppError {
  return new AppError('USER_INVALID', `用户：${field}${message}`, 400, { record: '用户', problems: [{ field, message }] });
}

/** Creates the user, or updates role, region, name and password of an existing one. */
export async function addUser(database: Database, u: NewUser, opts: { actorName?: string } = {}): Promise<SavedUser> {
  const actorName = opts.actorName ?? 'bangfu users add';
  const [credentials] = credentialProblems(u.username, u.password);
  if (credentials?.field === 'username') throw invalid(credentials.label, credentials.message);
  if (!ROLES.includes(u.role)) throw invalid('角色', `应为：${ROLES.join('/')}`);
  if (u.role === 'employer')
    throw invalid('角色', '用人单位账号须绑定单位，请在用人单位页面（POST /api/employers/:id/accounts）创建');
  if (u.role === 'laborer') throw invalid('角色', '劳动者无需开户：凭身份证号、台账登记的手机号和短信验证码登录（/me/login）');
  if (!isRegionCode(u.regionCode)) throw invalid('区划代码', '应为2、4、6、9或12位数字');
  const level = ROLE_LEVEL[u.role];
  if (level !== undefined && regionLevel(u.regionCode) !== level) {
    throw invalid('区划代码', `与角色不符：${ROLE_NAMES[u.role]}应使用${[0, 2, 4, 6, 9, 12][level]}位区划代码`);
  }
  if (credentials?.field === 'password') throw invalid(credentials.label, credentials.message);
  const db = database.kysely;
  await loadProvinces(database, [u.regionCode.slice(0, 2)]);
  const region = await db
    .selectFrom('regions')
    .select('name')
    .where('code', '=', u.regionCode)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!region) throw invalid('区划代码', `${u.regionCode} 在区划数据中不存在`);
  const displayName = u.displayName?.trim() || `${region.name}${ROLE_TITLES[u.role]}`;
  const passwordHash = await hashPassword(u.password);
  return db.transaction().execute(async (trx) => {
    const before = await findUserByUsername(trx, u.username);
    const { id } = await insertUser(trx, {
      username: u.username,
      displayName,
      passwordHash,
      role: u.role,
      regionCode: u.regionCode,
      canViewFullId: u.canViewFullId,
    });
    const summary = (x: { role: string; region_code: string; display_name: string; can_view_full_id: boolean }) => ({
      role: x.role,
      regionCode: x.region_code,
      displayName: x.display_name,
      canViewFullId: x.can_view_full_id,
    });
    await appendAudit(trx, {
      actorId: null,
      actorName,
      action: before ? 'user.update' : 'user.create',
      entity: 'user',
      entityId: id,
      regionCode: u.regionCode,
      before: before ? summary(before) : null,
      after: {
        ...summary({ role: u.role, region_code: u.regionCode, display_name: displayName, can_view_full_id: u.canViewFullId }),
        passwordChanged: true,
      },
    });
    return {
      id,
      username: u.username,
      displayName,
      role: u.role,
      regionCode: u.regionCode,
      regionName: region.name,
      canViewFullId: u.canViewFullId,
      created: !before,
    };
  });
}

/** Users with their region names, optionally only the named ones. */
export async function listUsers(database: Database, usernames?: readonly string[]) {
  let q = database.kysely
    .selectFrom('users as u')
    .leftJoin('regions as r', (j) => j.onRef('r.code', '=', 'u.region_code').on('r.valid_to', 'is', null))
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.region_code',
      'u.can_view_full_id',
      'u.disabled',
      'r.name as region_name',
    ])
    .orderBy('u.id');
  if (usernames) {
    if (usernames.length === 0) return [];
    q = q.where('u.username', 'in', [...usernames]);
  }
  return q.execute();
}
