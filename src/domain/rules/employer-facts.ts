// Facts an employer rule claimed per laborer (岗位补贴 POST-HN, 社会保险补贴 SI-HN / SI-YN) can read
// from bangfu's records for 政策找单位: who the laborer is (the register's person facts and home
// village) and the laborer's employment at that employer (the spell linked to it: months in post,
// insured, income), not whatever other job the register lists as current. What no record holds
// (the labor contract, the employer's own situation) stays missing, so the engine's screening
// answers "to verify" naming it instead of guessing.

import { organizationKind } from '../jobs/credit-code.ts';
import { isCurrentSpell } from '../registry/derive.ts';
import type { EmploymentChannel } from '../registry/vocabulary.ts';
import { personFacts, type RegisterPerson, type RegisterSpell, wholeMonths } from './person-facts.ts';
import type { FactInput } from './types.ts';

/** The person's spell linked to one of these registered employers that is current on `date`, if any. */
export function linkedSpellOn(
  person: RegisterPerson,
  employers: ReadonlySet<number>,
  date: string,
): (RegisterSpell & { employerId: number }) | undefined {
  // isCurrentSpell reads only the dates; the register's channel text is not checked here.
  for (const s of person.spells as readonly (RegisterSpell & { channel: EmploymentChannel })[]) {
    if (s.employerId && employers.has(s.employerId) && isCurrentSpell(s, date)) return { ...s, employerId: s.employerId };
  }
  return undefined;
}

/** The facts of the case "this employer, about this laborer" from the register. */
export function employerLaborerFacts(
  person: RegisterPerson,
  spell: RegisterSpell,
  village: string,
  date: string,
): Record<string, FactInput> {
  const facts = personFacts(person, date) as Record<string, FactInput>;
  const months = wholeMonths(spell.startDate, date);
  facts.employed = true;
  facts.channel = spell.channel;
  facts.monthsInPost = months;
  facts.stableMonths = months;
  facts.insured = spell.insured;
  facts.monthlyIncomeFen = spell.monthlyIncomeFen;
  facts.laborerHomeRegion = village;
  return facts;
}

/**
 * What the employer's 统一社会信用代码 says about it: whether it is an enterprise (岗位补贴's higher
 * rate is for enterprises), and, when it is not, that it is no 劳务公司 either (a labor company is
 * an enterprise). Whether an enterprise is a labor company the code does not say.
 */
export function employerCodeFacts(creditCode: string): Record<string, FactInput> {
  const { enterprise } = organizationKind(creditCode);
  return enterprise ? { employerIsEnterprise: true } : { employerIsEnterprise: false, laborCompany: false };
}
