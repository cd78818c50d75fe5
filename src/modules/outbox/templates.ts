// Chinese message templates. SMS text stays short (one message of 70 characters where the
// job allows; gateways split longer ones); WeChat template messages fill named fields.
import { formatFen } from '../../domain/money.ts';

export interface RecommendationPush {
  name: string;
  jobTitle: string;
  employer: string;
  place: string;
  wageMinFen: number;
  wageMaxFen: number;
  reasons: readonly string[];
}

export const TEMPLATES = {
  recommendation: '岗位推荐',
  policy_notice: '政策告知',
} as const;
export type TemplateName = keyof typeof TEMPLATES;

function wage(min: number, max: number): string {
  const y = (f: number) => formatFen(f).replace(/\.00$/, '');
  return min === max ? `${y(min)}元` : `${y(min)}-${y(max)}元`;
}

export function renderRecommendation(p: RecommendationPush): { title: string; text: string; fields: Record<string, string> } {
  const reasons = p.reasons.slice(0, 2).join('，');
  const title = `为您推荐岗位：${p.jobTitle}`;
  const text =
    `【就业帮扶】${p.name}您好，为您推荐${p.employer}“${p.jobTitle}”岗位，工作地点${p.place}，月工资${wage(p.wageMinFen, p.wageMaxFen)}` +
    `${reasons ? `（${reasons}）` : ''}。有意向请联系村就业信息员。`;
  return {
    title,
    text,
    fields: {
      first: `${p.name}您好，为您推荐一个岗位`,
      keyword1: p.jobTitle,
      keyword2: p.employer,
      keyword3: p.place,
      keyword4: `月工资${wage(p.wageMinFen, p.wageMaxFen)}`,
      remark: reasons ? `推荐理由：${reasons}。有意向请联系村就业信息员。` : '有意向请联系村就业信息员。',
    },
  };
}

/** What a 政策找人 run found for one laborer: the rule, where it is written, and the amount. */
export interface PolicyNotice {
  name: string;
  ruleTitle: string;
  /** e.g. 会政发〔2018〕20号 第16条 */
  citation: string;
  /** e.g. 最高500元, 300元, 金额待定 */
  amount: string;
}

export function renderPolicyNotice(p: PolicyNotice): { title: string; text: string; fields: Record<string, string> } {
  const where = '请携带身份证和相关材料到村委会或乡镇（苏木）社保所咨询申领';
  return {
    title: `您可能符合：${p.ruleTitle}`,
    text: `【就业帮扶】${p.name}您好，按实名制台账信息，您可能符合“${p.ruleTitle}”条件（${p.citation}），${p.amount}。${where}。`,
    fields: {
      first: `${p.name}您好，按实名制台账信息，您可能符合一项就业帮扶政策`,
      keyword1: p.ruleTitle,
      keyword2: p.citation,
      keyword3: p.amount,
      keyword4: '待申领',
      remark: `${where}。`,
    },
  };
}
