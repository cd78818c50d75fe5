// The demo's subsidy cycle: Huize transport subsidies (TR-HZ, 会政发〔2018〕20号 第16条) taken
// through the same services an officer uses, so the claims, publicity lists, the bank batch and
// the ledger a visitor opens are what the platform itself decided and booked. A first round of
// 2019 is published, paid through an exported batch and reconciled with one line the bank
// refused (back in the payment queue); a 2020 round is in publicity now, two claims wait for
// review and one was returned for a better ticket photo.
import type { Database } from '../../db/connection.ts';
import type { FactInput } from '../../domain/rules/index.ts';
import { addDays } from '../../domain/seed/population.ts';
import { actOnClaim, applyForClaim } from '../claims/claims.service.ts';
import { createPublicity } from '../claims/publicity.service.ts';
import { DEMO_COUNTY, DEMO_OFFICES, officerOfUnclaimedCounty, poorHouseholdLaborers } from './demo-cycle.ts';
import { findDemoLaborer } from './demo-laborer.ts';
import { publishAndPay } from './demo-payment.ts';

/** The county whose rules the demo cycle runs (the demo account `huize`). */
export const DEMO_CLAIMS_COUNTY = DEMO_COUNTY;

interface DemoCase {
  caseDate: string;
  /** 省外 or the region code of the place of work. */
  workRegion: string;
  stableMonths: number;
  ticketYuan: number;
}

/** 2019: paid in one batch (the last line refused by the bank). */
const PAID_2019: DemoCase[] = [
  { caseDate: '2019-03-02', workRegion: '省外', stableMonths: 4, ticketYuan: 486 },
  { caseDate: '2019-03-05', workRegion: '省外', stableMonths: 3, ticketYuan: 620 },
  { caseDate: '2019-03-11', workRegion: '530102', stableMonths: 5, ticketYuan: 152 },
  { caseDate: '2019-03-18', workRegion: '省外', stableMonths: 6, ticketYuan: 398 },
  { caseDate: '2019-04-01', workRegion: '省外', stableMonths: 3, ticketYuan: 455 },
  { caseDate: '2019-04-08', workRegion: '530102', stableMonths: 4, ticketYuan: 138 },
  { caseDate: '2019-04-20', workRegion: '省外', stableMonths: 7, ticketYuan: 512 },
];
/** 2020: two in publicity now, two waiting for review, one returned. */
const OPEN_2020: DemoCase[] = [
  { caseDate: '2020-03-03', workRegion: '省外', stableMonths: 4, ticketYuan: 476 },
  { caseDate: '2020-03-09', workRegion: '省外', stableMonths: 3, ticketYuan: 430 },
  { caseDate: '2020-05-06', workRegion: '530102', stableMonths: 3, ticketYuan: 145 },
  { caseDate: '2020-05-12', workRegion: '省外', stableMonths: 5, ticketYuan: 540 },
  { caseDate: '2020-06-01', workRegion: '省外', stableMonths: 3, ticketYuan: 465 },
];

export interface DemoClaimsSummary {
  claims: number;
  paid: number;
  publicized: number;
}

/**
 * The facts of a claim as the officer took them from the ticket and the employer's income
 * proof: the laborer worked away (外出务工, 第16条), where and for how long. The generated
 * register dates employment back from the seed day and seldom reaches 2019-2020, so on these
 * dates it has no current spell to give them (its 外出务工 would read 否); the claims state them,
 * as an office does for work the register has not caught up with.
 */
function facts(c: DemoCase): Record<string, FactInput> {
  return {
    registeredPoor: true,
    migrant: true,
    workRegion: c.workRegion,
    stableMonths: c.stableMonths,
    ticketPriceFen: c.ticketYuan * 100,
  };
}

/** A plausible 19-digit card number of the county's agricultural bank, distinct per laborer. */
function cardNumber(personId: string): string {
  return `622848008601${personId.padStart(7, '0').slice(-7)}`;
}

/**
 * Runs the demo cycle once, on a register that holds Huize and the `huize` account and has no
 * claims there yet; otherwise does nothing and answers undefined.
 */
export async function seedDemoClaims(database: Database, today: string): Promise<DemoClaimsSummary | undefined> {
  const db = database.kysely;
  const actor = await officerOfUnclaimedCounty(db, DEMO_OFFICES.huize);
  if (!actor) return undefined;

  // The demo laborer of the portal first, so its own page shows a paid claim; then laborers of
  // 脱贫户 of working age in 2019, one per village before a second from any village.
  const needed = PAID_2019.length + OPEN_2020.length;
  const demo = await findDemoLaborer(db, today);
  const others = await poorHouseholdLaborers(db, DEMO_CLAIMS_COUNTY, needed - (demo ? 1 : 0), { except: demo?.id });
  const people = [...(demo ? [demo.id] : []), ...others];
  if (people.length < needed) return undefined;

  const apply = async (personId: string, c: DemoCase) =>
    (
      await applyForClaim(database, actor, {
        rule: 'TR-HZ',
        personId,
        caseDate: c.caseDate,
        facts: facts(c),
        bankName: '中国农业银行会泽县支行',
        bankAccount: cardNumber(personId),
      })
    ).claim;
  const review = (id: string, version: number, action: 'review' | 'return', comment = '') =>
    actOnClaim(database, actor, id, { action, version, comment });

  // 2019: applied, reviewed, published for a week, approved, paid; the bank refuses one line.
  const paid: string[] = [];
  for (const [i, c] of PAID_2019.entries()) {
    const claim = await apply(people[i] as string, c);
    await review(claim.id, claim.version, 'review', '车票、务工证明齐全');
    paid.push(claim.id);
  }
  const paidLines = await publishAndPay(database, actor, {
    claimIds: paid,
    region: DEMO_CLAIMS_COUNTY,
    title: '2019年第一批建档立卡贫困劳动力外出务工交通补助公示',
    from: '2019-05-06',
    to: '2019-05-12',
    fund: 'employment_fund',
    resultFile: '会泽农行代发回盘-2019年5月.csv',
    serialPrefix: 'HZ2019052',
    refuseLast: '账户已销户',
  });

  // 2020: two in publicity until next week, two waiting for review, one returned for correction.
  const open = OPEN_2020.map((c, i) => ({ c, person: people[PAID_2019.length + i] as string }));
  const published: string[] = [];
  for (const [i, { c, person }] of open.entries()) {
    const claim = await apply(person, c);
    if (i < 2) {
      await review(claim.id, claim.version, 'review', '材料齐全');
      published.push(claim.id);
    } else if (i === open.length - 1) {
      await review(claim.id, claim.version, 'return', '车票照片不清晰，请重新上传实名制车票');
    }
  }
  await createPublicity(database, actor, {
    title: '2020年第一批建档立卡贫困劳动力外出务工交通补助公示',
    region: DEMO_CLAIMS_COUNTY,
    from: addDays(today, -2),
    to: addDays(today, 4),
    claimIds: published,
  });
  return { claims: PAID_2019.length + OPEN_2020.length, paid: paidLines, publicized: published.length };
}
