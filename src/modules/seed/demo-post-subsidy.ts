// The Hunan demo: 岗位补贴 (POST-HN, 湖南 2017 二（三）1) for an enterprise of 花垣县 that employed
// laborers of the county's 脱贫户 from 2018 to mid-2021, taken through the services the `huayuan`
// officer uses. The enterprise is registered in 用工单位名录, the six hires are employment spells
// linked to it (so its page lists them and 政策找单位 finds it), and 花垣县 is on the demo list of
// 贫困县 (demo-designations), so every decision reads "贫困地区企业吸纳当地贫困劳动力" from the
// list and pays 1500 yuan rather than 1000. The 2019 round is published and paid in full; the
// 2020 round waits for review.
import type { Database } from '../../db/connection.ts';
import { creditCheckChar } from '../../domain/jobs/credit-code.ts';
import { wholeMonths } from '../../domain/rules/person-facts.ts';
import type { FactInput } from '../../domain/rules/types.ts';
import type { Actor } from '../auth/actor.ts';
import { actOnClaim, applyForClaim } from '../claims/claims.service.ts';
import { createEmployer } from '../jobs/jobs.service.ts';
import { addSpell } from '../registry/registry.service.ts';
import { DEMO_OFFICES, officerOfUnclaimedCounty, poorHouseholdLaborers } from './demo-cycle.ts';
import { publishAndPay } from './demo-payment.ts';

const COUNTY = DEMO_OFFICES.huayuan.county;
/** 双龙镇, where the enterprise is registered (the claims' region: 用人单位所在地). */
const TOWN = `${COUNTY}110`;
const CODE_17 = `91${COUNTY}MA4PX0HK5`;

export const DEMO_ENTERPRISE = {
  creditCode: CODE_17 + creditCheckChar(CODE_17),
  name: '湘西花垣苗绣服饰有限公司',
  regionCode: TOWN,
  industry: 'C',
  contactName: '石秀英',
  contactPhone: '0743-7221688',
  address: '湖南省湘西州花垣县双龙镇',
};

/** The hires: the start of each, the wage in yuan; every one ended when the order book did. */
const HIRES = [
  { start: '2018-03-05', wage: '2400' },
  { start: '2018-04-16', wage: '2600' },
  { start: '2018-07-02', wage: '2300' },
  { start: '2018-09-10', wage: '2500' },
  { start: '2019-05-06', wage: '2400' },
  { start: '2019-08-19', wage: '2200' },
] as const;
const HIRES_END = '2021-06-30';
const PAID_YEAR_END = '2019-12-31';
const OPEN_YEAR_END = '2020-12-31';

export interface DemoPostSubsidySummary {
  hires: number;
  paid: number;
  paidFen: number;
  submitted: number;
}

/** The facts the office took from the contract and the insurance record; the register gives who the laborer is. */
function facts(start: string, yearEnd: string): Record<string, FactInput> {
  return {
    registeredPoor: true,
    laborContract: true,
    monthsInPost: wholeMonths(start, yearEnd),
    insured: true,
    employerIsEnterprise: true,
  };
}

/**
 * Runs the Hunan round once, on a register that holds 花垣县 and the `huayuan` account and has
 * no claims there yet; otherwise does nothing and answers undefined.
 */
export async function seedDemoPostSubsidy(database: Database): Promise<DemoPostSubsidySummary | undefined> {
  const db = database.kysely;
  const actor = await officerOfUnclaimedCounty(db, DEMO_OFFICES.huayuan);
  if (!actor) return undefined;
  const people = await poorHouseholdLaborers(db, COUNTY, HIRES.length, { free: { from: HIRES[0].start, to: HIRES_END } });
  if (people.length < HIRES.length) return undefined;

  const enterprise = await createEmployer(database, actor, DEMO_ENTERPRISE);
  for (const [i, h] of HIRES.entries()) {
    await addSpell(database, actor, people[i] as string, {
      channel: '就地就近',
      startDate: h.start,
      endDate: HIRES_END,
      place: TOWN,
      employer: enterprise.name,
      employerCreditCode: DEMO_ENTERPRISE.creditCode,
      monthlyIncome: h.wage,
      insured: '是',
    });
  }

  const apply = async (a: Actor, personId: string, start: string, yearEnd: string) =>
    (
      await applyForClaim(database, a, {
        rule: 'POST-HN',
        personId,
        subject: { kind: 'employer', name: enterprise.name, key: DEMO_ENTERPRISE.creditCode },
        region: TOWN,
        caseDate: yearEnd,
        facts: facts(start, yearEnd),
        bankName: '湖南花垣农村商业银行双龙支行',
        bankAccount: '82010000001234567890',
      })
    ).claim;

  // 2019: those in post twelve months by the end of the year, reviewed, published and paid.
  const round2019 = HIRES.flatMap((h, i) =>
    wholeMonths(h.start, PAID_YEAR_END) >= 12 ? [{ h, person: people[i] as string }] : [],
  );
  const reviewed: string[] = [];
  let paidFen = 0;
  for (const { h, person } of round2019) {
    const claim = await apply(actor, person, h.start, PAID_YEAR_END);
    await actOnClaim(database, actor, claim.id, {
      action: 'review',
      version: claim.version,
      comment: '劳动合同、社保缴费记录、工资发放表齐全',
    });
    reviewed.push(claim.id);
    paidFen += claim.amountFen;
  }
  const paid = await publishAndPay(database, actor, {
    claimIds: reviewed,
    region: COUNTY,
    title: '2019年度吸纳建档立卡贫困劳动力就业岗位补贴公示',
    from: '2020-01-06',
    to: '2020-01-12',
    fund: 'employment_fund',
    resultFile: '花垣农商行代发回盘-2020年1月.csv',
    serialPrefix: 'HY2020011',
  });

  // 2020: all six, each in post twelve months by the end of the year, waiting for review.
  for (const [i, h] of HIRES.entries()) await apply(actor, people[i] as string, h.start, OPEN_YEAR_END);
  return { hires: HIRES.length, paid, paidFen, submitted: HIRES.length };
}
