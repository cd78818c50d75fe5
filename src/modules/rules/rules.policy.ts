// Who may set a parameter a document leaves to a region: an officer of that region (or of
// a region above it) whose role sets standards, and only at the level the parameter names.
import type { Role } from '../../db/schema.ts';
import { type Parameter, type Rule, SETTING_LEVEL_LENGTH, settingLevelName } from '../../domain/rules/index.ts';
import type { Actor } from '../auth/actor.ts';

/** Roles that set local standards (盟市、旗县人社部门; the province above them). Others only read. */
const SETTERS: ReadonlySet<Role> = new Set(['province', 'city', 'county']);

export function canSetStandards(actor: Actor): boolean {
  return SETTERS.has(actor.role);
}

export type SettingRefusal =
  | { kind: 'role' | 'scope'; message: string }
  | { kind: 'invalid'; field: string; label: string; message: string };

/** Why `actor` may not set `param` of `rule` for `region`, or undefined when it may. */
export function refuseSetter(actor: Actor, rule: Rule, param: Parameter, region: string): SettingRefusal | undefined {
  if (param.setBy === undefined) {
    return { kind: 'invalid', field: 'parameter', label: '参数', message: `「${param.label}」由文件规定，不能由地区设定` };
  }
  const len = SETTING_LEVEL_LENGTH[param.setBy];
  const level = settingLevelName(param.setBy, region);
  if (region.length !== len) {
    return {
      kind: 'invalid',
      field: 'region',
      label: '地区',
      message: `「${param.label}」由${level}设定，应为 ${len} 位${level}区划代码`,
    };
  }
  if (!region.startsWith(rule.region)) {
    return { kind: 'invalid', field: 'region', label: '地区', message: `规则 ${rule.id} 只适用于区划 ${rule.region} 及所辖地区` };
  }
  if (!canSetStandards(actor)) return { kind: 'role', message: '您的角色不能设定补贴标准' };
  if (!region.startsWith(actor.scope)) return { kind: 'scope', message: `区划 ${region} 不在您的管辖范围内` };
  return undefined;
}
