// What the register says about a unit's claim for one laborer (岗位补贴, 社保补贴, 劳务输出补贴): the
// laborer's employment linked to the claiming unit, set beside what the claim states, so that the
// reviewing office sees a post that exists only on paper (NM-2020-142 七: 数字就业) before it pays.
import { wholeMonths } from '../rules/person-facts.ts';

export interface LinkedEmployment {
  startDate: string;
  endDate: string | null;
  channel: string;
  insured: boolean;
}

export type RegisterCheck =
  | { level: 'info'; note: string }
  | { level: 'ok' | 'warning'; note: string; monthsInPost: number | null; insured: boolean | null };

/**
 * The check of one claim: `employerRegistered` whether the unit's credit code is in the employers
 * register, `laborerVisible` whether the reviewer may see the laborer's records, `spells` the
 * laborer's spells linked to that employer.
 */
export function registerCheck(o: {
  unitCode: string;
  employerRegistered: boolean;
  laborerVisible: boolean;
  spells: readonly LinkedEmployment[];
  caseDate: string;
  /** What the claim states, where it states it: set beside the register's. */
  stated?: { monthsInPost?: number | undefined; insured?: boolean | undefined };
}): RegisterCheck {
  if (!o.employerRegistered) {
    return {
      level: 'info',
      note: `统一社会信用代码 ${o.unitCode} 的单位未在用工单位名录中登记，台账无法核对该劳动力在本单位的就业`,
    };
  }
  if (!o.laborerVisible) return { level: 'info', note: '该劳动力不在您的辖区，无法核对其台账就业记录' };
  if (o.spells.length === 0) {
    return {
      level: 'warning',
      note: '台账中该劳动力没有关联本单位的就业记录：请核实劳动合同、工资发放和参保记录，属实的请在台账中补录或关联',
      monthsInPost: null,
      insured: null,
    };
  }
  const current = o.spells.find((s) => s.startDate <= o.caseDate && (s.endDate === null || s.endDate >= o.caseDate));
  if (!current) {
    const last = [...o.spells].sort((a, b) => b.startDate.localeCompare(a.startDate))[0] as LinkedEmployment;
    return {
      level: 'warning',
      note: `台账中该劳动力在本单位的就业（${last.startDate} 至 ${last.endDate ?? '今'}）不含事由日期 ${o.caseDate}：请核实`,
      monthsInPost: null,
      insured: null,
    };
  }
  const months = wholeMonths(current.startDate, o.caseDate);
  const differs: string[] = [];
  const stated = o.stated ?? {};
  if (stated.monthsInPost !== undefined && stated.monthsInPost > months) {
    differs.push(`申报在岗 ${stated.monthsInPost} 个月，台账为 ${months} 个月`);
  }
  if (stated.insured === true && !current.insured) differs.push('申报已参保，台账为未参保');
  const record = `台账记录：自 ${current.startDate} 起在本单位就业（${current.channel}），至事由日期在岗 ${months} 个月，${current.insured ? '已参保' : '未参保'}`;
  return {
    level: differs.length > 0 ? 'warning' : 'ok',
    note: differs.length > 0 ? `${record}；与申报不一致：${differs.join('；')}，请核实` : record,
    monthsInPost: months,
    insured: current.insured,
  };
}
