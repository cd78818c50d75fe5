// Controlled values of employers and job posts.

/** 国民经济行业分类 (GB/T 4754-2017) sections (门类). */
export const INDUSTRY_SECTIONS: Readonly<Record<string, string>> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

export const PHYSICAL_DEMANDS = ['轻', '中', '重'] as const;
export type PhysicalDemand = (typeof PHYSICAL_DEMANDS)[number];

export const JOB_STATUSES = ['open', 'filled', 'expired'] as const;
export type JobStatusValue = (typeof JOB_STATUSES)[number];
export const JOB_STATUS_NAMES: Record<JobStatusValue, string> = { open: '招聘中', filled: '已招满', expired: '已过期' };

/** Legal working age lower bound (劳动法 第十五条: no one under 16). */
export const MIN_WORKING_AGE = 16;
/** Upper bound the job_posts table accepts. */
export const MAX_AGE_REQUIREMENT = 70;
