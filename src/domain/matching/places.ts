// The register keeps preferred places of work as people say them (本县, 曲靖市, 浙江省); matching
// needs region codes. Words relative to home are resolved here; names go through a lookup the
// caller provides (the region tree, nearest to home first).

const HOME_COUNTY = new Set(['本县', '本旗', '本旗县', '本县区', '本区', '本地', '县内', '旗内']);
const HOME_CITY = new Set(['本市', '本州', '本盟', '本盟市', '本地区', '市内']);
const HOME_PROVINCE = new Set(['本省', '本区内', '省内', '区内']);

export interface ResolvedPlaces {
  /** Region codes (2, 4, 6 ... digits), distinct, in the order given. */
  codes: string[];
  /** Words that named no region (shown to the officer, not guessed). */
  unresolved: string[];
}

/**
 * Region codes of a laborer's preferred places. `findRegion(name, homeRegion)` answers the code
 * of a region by its name (e.g. 曲靖市 -> 5303), or undefined when there is none or several.
 */
export function resolvePreferredPlaces(
  places: readonly string[],
  homeRegion: string,
  findRegion: (name: string, homeRegion: string) => string | undefined,
): ResolvedPlaces {
  const codes: string[] = [];
  const unresolved: string[] = [];
  const add = (c: string) => {
    if (!codes.includes(c)) codes.push(c);
  };
  for (const raw of places) {
    const name = raw.trim();
    if (name === '') continue;
    if (HOME_COUNTY.has(name) && homeRegion.length >= 6) add(homeRegion.slice(0, 6));
    else if (HOME_CITY.has(name) && homeRegion.length >= 4) add(homeRegion.slice(0, 4));
    else if (HOME_PROVINCE.has(name)) add(homeRegion.slice(0, 2));
    else {
      const code = findRegion(name, homeRegion);
      if (code) add(code);
      else unresolved.push(name);
    }
  }
  return { codes, unresolved };
}
