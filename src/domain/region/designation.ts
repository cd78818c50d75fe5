// Designated counties (区划认定): the lists of 贫困县 and 深度贫困县 a province publishes, dated.
// Some rules turn on them (岗位补贴's higher rate for an enterprise in a 贫困地区, the
// 乡村公共服务岗位 of a 深度贫困县), so the engine reads them like a fact, with the list behind it.
//
// A list is in force from the day it was published until the province publishes the next list
// of the same kind; a county on it stays designated until the day it left it (`until`, which
// is no longer designated), if it did. Where no list of a kind is in force for the province,
// whether a county is designated is unknown, never "no".

export const DESIGNATION_KINDS = ['poor_county', 'deep_poverty_county'] as const;
export type DesignationKind = (typeof DESIGNATION_KINDS)[number];
export const DESIGNATION_KIND_NAMES: Record<DesignationKind, string> = {
  poor_county: '贫困县',
  deep_poverty_county: '深度贫困县',
};

export interface DesignationList {
  id: string;
  kind: DesignationKind;
  /** Two-digit province code: a list covers the counties of one province. */
  province: string;
  /** 名单名称, e.g. 云南省深度贫困县名单. */
  title: string;
  /** 依据: the document that published it, with its number. */
  basis: string;
  /** The day the list took effect. */
  from: string;
}

export interface DesignationMember {
  listId: string;
  /** Six-digit county code. */
  county: string;
  /** The county's name when it was put on the list. */
  name: string;
  /** The first day the county is no longer designated (退出、摘帽), or null. */
  until: string | null;
}

/** Whether a county was designated on a date, and the list that says so. */
export interface DesignationAnswer {
  designated: boolean;
  list: DesignationList;
  /** The county's entry, when it is or was on the list. */
  member?: DesignationMember;
}

/** The lists and their members, indexed for look-ups by county and date (small: built once a request). */
export class DesignationIndex {
  private readonly lists = new Map<string, DesignationList[]>();
  private readonly members = new Map<string, DesignationMember>();
  /** Answers by kind, date and region asked (batch runs ask the same few over and over). */
  private readonly answers = new Map<string, Map<string, DesignationAnswer | null>>();

  constructor(lists: readonly DesignationList[], members: readonly DesignationMember[]) {
    for (const l of lists) {
      const key = `${l.kind}:${l.province}`;
      const same = this.lists.get(key) ?? [];
      same.push(l);
      this.lists.set(key, same);
    }
    for (const same of this.lists.values()) same.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
    for (const m of members) this.members.set(`${m.listId}:${m.county}`, m);
  }

  /** The list of `kind` in force for `province` on `date`: the latest published on or before it. */
  listInForce(kind: DesignationKind, province: string, date: string): DesignationList | undefined {
    return this.lists.get(`${kind}:${province}`)?.find((l) => l.from <= date);
  }

  /**
   * Was the county of `region` (any code of six digits or more) designated `kind` on `date`?
   * Undefined when the region is above a county or no such list is in force for its province.
   */
  lookup(kind: DesignationKind, region: string, date: string): DesignationAnswer | undefined {
    const key = kind === 'poor_county' ? `p${date}` : `d${date}`;
    let byRegion = this.answers.get(key);
    if (byRegion === undefined) {
      byRegion = new Map();
      this.answers.set(key, byRegion);
    }
    let answer = byRegion.get(region);
    if (answer === undefined) {
      answer = this.find(kind, region, date) ?? null;
      byRegion.set(region, answer);
    }
    return answer ?? undefined;
  }

  private find(kind: DesignationKind, region: string, date: string): DesignationAnswer | undefined {
    if (region.length < 6) return undefined;
    const list = this.listInForce(kind, region.slice(0, 2), date);
    if (!list) return undefined;
    const member = this.members.get(`${list.id}:${region.slice(0, 6)}`);
    if (!member) return { designated: false, list };
    return { designated: member.until === null || date < member.until, list, member };
  }
}

/** One line that says what a look-up found, for traces and the region page. */
export function designationText(kind: DesignationKind, region: string, date: string, answer: DesignationAnswer): string {
  const { list, member } = answer;
  const source = `《${list.title}》（${list.basis}，${list.from} 起执行）`;
  const county = member ? `${member.name}（${member.county}）` : `区划 ${region.slice(0, 6)}`;
  if (answer.designated) return `${county}列入${source}`;
  if (member?.until) return `${county}曾列入${source}，${member.until} 起不再列入${DESIGNATION_KIND_NAMES[kind]}`;
  return `${county}不在${source}内（${date}）`;
}
