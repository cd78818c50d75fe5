// Dated parameter values: the value in force on a date, from the document or, where the
// document leaves it to a region, from that region's setting. A later setting never
// rewrites an earlier period; it starts a new one.
import type { DatedValue, Parameter, RegionalSetting } from './types.ts';
import { SETTING_LEVEL_LENGTH } from './types.ts';

export function inPeriod(date: string, from: string, to: string | null): boolean {
  return from <= date && (to === null || date <= to);
}

export function valueOn(values: readonly DatedValue[], date: string): DatedValue | undefined {
  let found: DatedValue | undefined;
  for (const v of values) if (inPeriod(date, v.from, v.to) && (found === undefined || v.from > found.from)) found = v;
  return found;
}

/** The region code at the level that sets `param` for a case in `region` (e.g. the league of a village). */
export function settingRegionFor(param: Parameter, region: string): string | undefined {
  if (param.setBy === undefined) return undefined;
  const len = SETTING_LEVEL_LENGTH[param.setBy];
  return region.length >= len ? region.slice(0, len) : undefined;
}

/** The regional setting in force on `date` for `param` of `rule` where the case is. */
export function settingOn(
  settings: readonly RegionalSetting[],
  rule: string,
  param: Parameter,
  region: string,
  date: string,
): RegionalSetting | undefined {
  const at = settingRegionFor(param, region);
  if (at === undefined) return undefined;
  let found: RegionalSetting | undefined;
  for (const s of settings) {
    if (s.rule !== rule || s.parameter !== param.name || s.region !== at || !inPeriod(date, s.from, s.to)) continue;
    if (found === undefined || s.from > found.from) found = s;
  }
  return found;
}

/**
 * Where a new setting may start: never before the start of the latest one for the same
 * rule, parameter and region, so that periods already decided keep their values.
 * Returns a Chinese reason when the new setting is refused.
 */
export function refuseSetting(
  existing: readonly RegionalSetting[],
  next: Omit<RegionalSetting, 'id' | 'to'>,
): string | undefined {
  const same = existing.filter((s) => s.rule === next.rule && s.parameter === next.parameter && s.region === next.region);
  const latest = same.reduce<string | undefined>((m, s) => (m === undefined || s.from > m ? s.from : m), undefined);
  if (latest !== undefined && next.from <= latest) {
    return `已有自 ${latest} 起执行的标准，新标准的执行日期必须晚于 ${latest}，不能改写已执行的期间`;
  }
  return undefined;
}
