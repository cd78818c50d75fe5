// The register of a province in memory, as 政策找人 reads it: for each person the facts a rule
// can draw from the register (person-facts.ts) and all their employment spells, in columns of
// typed arrays with repeated strings (village codes, dates, vocabularies) stored once. About
// 60 bytes a person and 30 a spell instead of the ~400 of one object each: a province of
// 1.8 million persons fits in about 150 MB. Pure: no I/O; the loader fills it.
//
// Slots are kept in ascending person id order, so a run can resume "after person N" and its
// list comes out in the same order as the register's.
import type { RegisterPerson, RegisterSpell } from '../../../domain/rules/person-facts.ts';

/** One person's row as the loader reads it: what person-facts reads, with the id and village. */
export type StorePerson = Omit<RegisterPerson, 'spells'> & { id: number; villageCode: string };

/** Repeated strings stored once; index 0 stands for null. */
class Interner {
  private readonly index = new Map<string, number>();
  readonly values: (string | null)[] = [null];

  of(value: string | null): number {
    if (value === null) return 0;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

const ALIVE = 1;
const WILLING = 2;
const RELOCATED = 4;
const OUT_OF_PROVINCE = 1;
const INSURED = 2;

function grown<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export class RegisterStore {
  private readonly strings = new Interner();
  private n = 0;
  private live = 0;
  /** Slots below this are in id order; those from it on were added since, in any order. */
  private sortedUntil = 0;
  // person columns
  private ids = new Float64Array(1024);
  private village = new Uint32Array(1024);
  private birth = new Uint32Array(1024);
  private capacity = new Uint32Array(1024);
  private student = new Uint32Array(1024);
  private disability = new Uint32Array(1024);
  private health = new Uint32Array(1024);
  private householdType = new Uint32Array(1024);
  private sexFemale = new Uint8Array(1024);
  private flags = new Uint8Array(1024);
  private spellHead = new Int32Array(1024);
  // spell columns (a chain per person through spellNext)
  private s = 0;
  private deadSpells = 0;
  private spellStart = new Uint32Array(1024);
  private spellEnd = new Uint32Array(1024);
  private spellChannel = new Uint32Array(1024);
  private spellPlace = new Uint32Array(1024);
  private spellFlags = new Uint8Array(1024);
  private spellIncome = new Float64Array(1024);
  private spellEmployer = new Uint32Array(1024);
  private spellEmployerId = new Float64Array(1024);
  private spellNext = new Int32Array(1024);
  // the one object person() fills, so that a run over a million persons allocates none
  private readonly view: RegisterPerson & { spells: RegisterSpell[] } = {
    sex: '男',
    birthDate: '',
    workCapacity: '',
    studentStatus: '',
    disability: null,
    health: null,
    migrateWilling: false,
    householdType: '',
    relocated: false,
    spells: [],
  };
  private readonly spellViews: RegisterSpell[] = [];

  /** Persons held (alive). */
  get size(): number {
    return this.live;
  }

  /** Number of slots, alive or not: the range of slot numbers. */
  get slots(): number {
    return this.n;
  }

  /** Adds a person, or replaces everything held about them (their spells included). */
  put(p: StorePerson, spells: readonly RegisterSpell[]): void {
    let slot = this.slotOf(p.id);
    if (slot === -1) {
      if (this.n === this.ids.length) this.growPersons(this.n * 2);
      slot = this.n++;
      if (this.sortedUntil === slot && (slot === 0 || (this.ids[slot - 1] as number) < p.id)) this.sortedUntil = slot + 1;
      this.ids[slot] = p.id;
      this.spellHead[slot] = -1;
      this.live++;
    } else {
      if (!((this.flags[slot] as number) & ALIVE)) this.live++;
      this.dropSpells(slot);
    }
    const st = this.strings;
    this.village[slot] = st.of(p.villageCode);
    this.birth[slot] = st.of(p.birthDate);
    this.capacity[slot] = st.of(p.workCapacity);
    this.student[slot] = st.of(p.studentStatus);
    this.disability[slot] = st.of(p.disability);
    this.health[slot] = st.of(p.health);
    this.householdType[slot] = st.of(p.householdType);
    this.sexFemale[slot] = p.sex === '女' ? 1 : 0;
    this.flags[slot] = ALIVE | (p.migrateWilling ? WILLING : 0) | (p.relocated ? RELOCATED : 0);
    for (const sp of spells) this.addSpellAt(slot, sp);
  }

  /** Adds one spell to a person already held (the loader reads spells after persons). */
  addSpell(personId: number, sp: RegisterSpell): boolean {
    const slot = this.slotOf(personId);
    if (slot === -1 || !((this.flags[slot] as number) & ALIVE)) return false;
    this.addSpellAt(slot, sp);
    return true;
  }

  /** Forgets a person (merged into another, moved out of the province, deleted). */
  remove(personId: number): void {
    const slot = this.slotOf(personId);
    if (slot === -1 || !((this.flags[slot] as number) & ALIVE)) return;
    this.dropSpells(slot);
    this.flags[slot] = 0;
    this.live--;
  }

  has(personId: number): boolean {
    const slot = this.slotOf(personId);
    return slot !== -1 && ((this.flags[slot] as number) & ALIVE) !== 0;
  }

  /**
   * Puts the slots back in person id order after persons were added out of order (two
   * transactions commit in the other order than they took their ids) and drops the space of
   * replaced spells once it is most of the spell columns.
   */
  settle(): void {
    if (this.sortedUntil < this.n) this.sortSlots();
    if (this.deadSpells > 1024 && this.deadSpells * 2 > this.s) this.compactSpells();
  }

  idOf(slot: number): number {
    return this.ids[slot] as number;
  }

  villageOf(slot: number): string {
    return this.strings.values[this.village[slot] as number] as string;
  }

  isAlive(slot: number): boolean {
    return ((this.flags[slot] as number) & ALIVE) !== 0;
  }

  /** The first slot whose person id is above `id` (slots are in id order once settled). */
  firstAfter(id: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ids[mid] as number) <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * A test for "the village of this slot lies under `prefix`" that looks each village code
   * up once, not once a person.
   */
  under(prefix: string): (slot: number) => boolean {
    const values = this.strings.values;
    let memo = new Int8Array(values.length); // 0 unknown, 1 yes, -1 no
    return (slot) => {
      const v = this.village[slot] as number;
      // a village first seen after this test was made (a catch-up in between)
      if (v >= memo.length) {
        const more = new Int8Array(values.length);
        more.set(memo);
        memo = more;
      }
      let m = memo[v] as number;
      if (m === 0) {
        m = (values[v] as string).startsWith(prefix) ? 1 : -1;
        memo[v] = m;
      }
      return m === 1 && ((this.flags[slot] as number) & ALIVE) !== 0;
    };
  }

  /** Alive persons whose village lies under `prefix`. */
  countUnder(prefix: string): number {
    const inside = this.under(prefix);
    let count = 0;
    for (let slot = 0; slot < this.n; slot++) if (inside(slot)) count++;
    return count;
  }

  /**
   * The person of a slot as person-facts reads them. The same object is filled on every call:
   * use it before asking for the next person, never keep it.
   */
  person(slot: number): RegisterPerson {
    const v = this.view;
    const values = this.strings.values;
    v.sex = this.sexFemale[slot] === 1 ? '女' : '男';
    v.birthDate = values[this.birth[slot] as number] as string;
    v.workCapacity = values[this.capacity[slot] as number] as string;
    v.studentStatus = values[this.student[slot] as number] as string;
    v.disability = values[this.disability[slot] as number] ?? null;
    v.health = values[this.health[slot] as number] ?? null;
    const f = this.flags[slot] as number;
    v.migrateWilling = (f & WILLING) !== 0;
    v.relocated = (f & RELOCATED) !== 0;
    v.householdType = values[this.householdType[slot] as number] as string;
    let count = 0;
    for (let i = this.spellHead[slot] as number; i !== -1; i = this.spellNext[i] as number) {
      let sv = this.spellViews[count];
      if (!sv) {
        sv = {
          startDate: '',
          endDate: null,
          channel: '',
          placeCode: null,
          outOfProvince: false,
          monthlyIncomeFen: 0,
          insured: false,
          employer: '',
          employerId: 0,
        };
        this.spellViews.push(sv);
      }
      sv.startDate = values[this.spellStart[i] as number] as string;
      sv.endDate = values[this.spellEnd[i] as number] ?? null;
      sv.channel = values[this.spellChannel[i] as number] as string;
      sv.placeCode = values[this.spellPlace[i] as number] ?? null;
      const sf = this.spellFlags[i] as number;
      sv.outOfProvince = (sf & OUT_OF_PROVINCE) !== 0;
      sv.insured = (sf & INSURED) !== 0;
      sv.monthlyIncomeFen = this.spellIncome[i] as number;
      sv.employer = values[this.spellEmployer[i] as number] ?? '';
      sv.employerId = this.spellEmployerId[i] as number;
      count++;
    }
    v.spells.length = 0;
    for (let k = 0; k < count; k++) v.spells.push(this.spellViews[k] as RegisterSpell);
    return v;
  }

  private slotOf(id: number): number {
    let lo = 0;
    let hi = this.sortedUntil;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ids[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.sortedUntil && this.ids[lo] === id) return lo;
    for (let i = this.sortedUntil; i < this.n; i++) if (this.ids[i] === id) return i;
    return -1;
  }

  private addSpellAt(slot: number, sp: RegisterSpell): void {
    if (this.s === this.spellStart.length) this.growSpells(this.s * 2);
    const i = this.s++;
    const st = this.strings;
    this.spellStart[i] = st.of(sp.startDate);
    this.spellEnd[i] = st.of(sp.endDate);
    this.spellChannel[i] = st.of(sp.channel);
    this.spellPlace[i] = st.of(sp.placeCode);
    this.spellFlags[i] = (sp.outOfProvince ? OUT_OF_PROVINCE : 0) | (sp.insured ? INSURED : 0);
    this.spellIncome[i] = sp.monthlyIncomeFen;
    this.spellEmployer[i] = st.of(sp.employer ?? '');
    this.spellEmployerId[i] = sp.employerId ?? 0;
    this.spellNext[i] = this.spellHead[slot] as number;
    this.spellHead[slot] = i;
  }

  private dropSpells(slot: number): void {
    for (let i = this.spellHead[slot] as number; i !== -1; i = this.spellNext[i] as number) this.deadSpells++;
    this.spellHead[slot] = -1;
  }

  private growPersons(size: number): void {
    this.ids = grown(this.ids, size);
    this.village = grown(this.village, size);
    this.birth = grown(this.birth, size);
    this.capacity = grown(this.capacity, size);
    this.student = grown(this.student, size);
    this.disability = grown(this.disability, size);
    this.health = grown(this.health, size);
    this.householdType = grown(this.householdType, size);
    this.sexFemale = grown(this.sexFemale, size);
    this.flags = grown(this.flags, size);
    this.spellHead = grown(this.spellHead, size);
  }

  private growSpells(size: number): void {
    this.spellStart = grown(this.spellStart, size);
    this.spellEnd = grown(this.spellEnd, size);
    this.spellChannel = grown(this.spellChannel, size);
    this.spellPlace = grown(this.spellPlace, size);
    this.spellFlags = grown(this.spellFlags, size);
    this.spellIncome = grown(this.spellIncome, size);
    this.spellEmployer = grown(this.spellEmployer, size);
    this.spellEmployerId = grown(this.spellEmployerId, size);
    this.spellNext = grown(this.spellNext, size);
  }

  private sortSlots(): void {
    const n = this.n;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (this.ids[a] as number) - (this.ids[b] as number));
    const permute = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (size: number) => T)(a.length);
      for (let i = 0; i < n; i++) b[i] = a[order[i] as number] as number;
      return b;
    };
    this.ids = permute(this.ids);
    this.village = permute(this.village);
    this.birth = permute(this.birth);
    this.capacity = permute(this.capacity);
    this.student = permute(this.student);
    this.disability = permute(this.disability);
    this.health = permute(this.health);
    this.householdType = permute(this.householdType);
    this.sexFemale = permute(this.sexFemale);
    this.flags = permute(this.flags);
    this.spellHead = permute(this.spellHead);
    this.sortedUntil = n;
  }

  /** Rewrites the spell columns with only the spells still reachable from a person. */
  private compactSpells(): void {
    const old = {
      start: this.spellStart,
      end: this.spellEnd,
      channel: this.spellChannel,
      place: this.spellPlace,
      flags: this.spellFlags,
      income: this.spellIncome,
      employer: this.spellEmployer,
      employerId: this.spellEmployerId,
      next: this.spellNext,
    };
    const size = Math.max(1024, this.s - this.deadSpells);
    this.spellStart = new Uint32Array(size);
    this.spellEnd = new Uint32Array(size);
    this.spellChannel = new Uint32Array(size);
    this.spellPlace = new Uint32Array(size);
    this.spellFlags = new Uint8Array(size);
    this.spellIncome = new Float64Array(size);
    this.spellEmployer = new Uint32Array(size);
    this.spellEmployerId = new Float64Array(size);
    this.spellNext = new Int32Array(size);
    let k = 0;
    for (let slot = 0; slot < this.n; slot++) {
      let head = -1;
      for (let i = this.spellHead[slot] as number; i !== -1; i = old.next[i] as number) {
        this.spellStart[k] = old.start[i] as number;
        this.spellEnd[k] = old.end[i] as number;
        this.spellChannel[k] = old.channel[i] as number;
        this.spellPlace[k] = old.place[i] as number;
        this.spellFlags[k] = old.flags[i] as number;
        this.spellIncome[k] = old.income[i] as number;
        this.spellEmployer[k] = old.employer[i] as number;
        this.spellEmployerId[k] = old.employerId[i] as number;
        this.spellNext[k] = head;
        head = k++;
      }
      this.spellHead[slot] = head;
    }
    this.s = k;
    this.deadSpells = 0;
  }
}
