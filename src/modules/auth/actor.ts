// The signed-in user as every service sees it: role, region scope and rights.
import type { Role } from '../../db/schema.ts';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Region code prefix the user may see. */
  scope: string;
  canViewFullId: boolean;
  /** Role employer only: the employer the account acts for; its scope is then `employer:<id>`. */
  employerId?: string;
  /** Role laborer only: the person of the register the account is; its scope is then `person:<id>`. */
  personId?: string;
}

export const ROLE_NAMES: Record<Role, string> = {
  province: '省级（自治区）',
  city: '盟市级',
  county: '县级（旗县）',
  township: '乡镇（苏木）',
  village: '村级信息员',
  auditor: '审计（只读）',
  admin: '系统管理员',
  employer: '用人单位',
  laborer: '劳动者',
};

/** Who an audit entry names for what the actor did. */
export function auditActor(actor: Actor): { actorId: string; actorName: string } {
  return { actorId: actor.userId, actorName: `${actor.displayName}(${actor.username})` };
}

/** Roles that may change the register; province and city oversee, the auditor only reads. */
const WRITERS: ReadonlySet<Role> = new Set(['county', 'township', 'village']);

export function canWriteRegister(actor: Actor): boolean {
  return WRITERS.has(actor.role);
}

/** Province, city and county officers may review and merge likely duplicates. */
export function canDecideDuplicates(actor: Actor): boolean {
  return actor.role === 'county';
}
