// The places `bangfu seed --area` understands: named presets and region codes.
import { isRegionCode } from '../region/region-code.ts';

/** Named areas: a few Inner Mongolia banners and counties, 会泽县 in Yunnan and 花垣县 in Hunan. */
export const AREA_PRESETS: Record<string, { codes: string[]; label: string }> = {
  nm: { codes: ['150425', '150426', '150921'], label: '内蒙古：克什克腾旗、翁牛特旗、卓资县' },
  huize: { codes: ['530326'], label: '云南：会泽县' },
  huayuan: { codes: ['433124'], label: '湖南：花垣县' },
};

export const DEFAULT_AREA = 'nm';

/**
 * `nm`, `huize`, `150425`, `nm,530326` -> sorted distinct region codes. A code may be of any
 * level from the province (2 digits) down to one village (12 digits).
 */
export function parseAreas(text: string): { ok: true; codes: string[] } | { ok: false; message: string } {
  const codes = new Set<string>();
  for (const part of text.split(/[,，\s]+/).filter(Boolean)) {
    const preset = AREA_PRESETS[part.toLowerCase()];
    if (preset) for (const c of preset.codes) codes.add(c);
    else if (isRegionCode(part)) codes.add(part);
    else {
      return {
        ok: false,
        message: `无法识别的地区“${part}”：应为 ${Object.keys(AREA_PRESETS).join('、')} 或 2/4/6/9/12 位区划代码`,
      };
    }
  }
  if (codes.size === 0) return { ok: false, message: '没有指定地区' };
  // A code inside another one adds nothing.
  const sorted = [...codes].sort();
  return { ok: true, codes: sorted.filter((c) => !sorted.some((o) => o !== c && c.startsWith(o))) };
}
