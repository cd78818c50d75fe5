// The demo accounts a seeded platform comes with: one per level of the service, from the
// autonomous region down to a village collector, plus an auditor and the officers of 会泽县 (Yunnan) and 花垣县 (Hunan).

/** The roles of the users table (src/db/schema.ts Role). */
export type DemoRole = 'province' | 'city' | 'county' | 'township' | 'village' | 'auditor';

export interface DemoAccount {
  username: string;
  role: DemoRole;
  regionCode: string;
  displayName: string;
  canViewFullId: boolean;
}

/** The demo employer login, bound to the seeded 帮扶车间 of 会泽县 (src/modules/seed/demo-users.ts). */
export const DEMO_EMPLOYER_USERNAME = 'workshop';

/** Usernames of the demo accounts, in the order demoAccounts() makes them, then the employer's. */
export const DEMO_USERNAMES = [
  'province',
  'city',
  'county',
  'township',
  'village',
  'auditor',
  'huize',
  'huayuan',
  DEMO_EMPLOYER_USERNAME,
] as const;

/** The documented demo password (README, start-up banner). */
export const DEMO_PASSWORD = 'Bangfu@2026';

export interface SeededVillage {
  code: string;
  name: string;
  townshipName: string;
}

/**
 * The village collector and the township officer work where demo data was seeded: the first
 * seeded village of 克什克腾旗 (150425), else the first seeded village at all.
 */
export function demoAccounts(seeded: readonly SeededVillage[]): DemoAccount[] {
  const village = seeded.find((v) => v.code.startsWith('150425')) ?? seeded[0];
  const accounts: DemoAccount[] = [
    {
      username: 'province',
      role: 'province',
      regionCode: '15',
      displayName: '内蒙古自治区就业服务局（演示）',
      canViewFullId: false,
    },
    { username: 'city', role: 'city', regionCode: '1504', displayName: '赤峰市就业服务中心（演示）', canViewFullId: false },
    {
      username: 'county',
      role: 'county',
      regionCode: '150425',
      displayName: '克什克腾旗就业服务中心（演示）',
      canViewFullId: true,
    },
  ];
  if (village) {
    accounts.push(
      {
        username: 'township',
        role: 'township',
        regionCode: village.code.slice(0, 9),
        displayName: `${village.townshipName}社保所（演示）`,
        canViewFullId: false,
      },
      {
        username: 'village',
        role: 'village',
        regionCode: village.code,
        displayName: `${village.name}信息员（演示）`,
        canViewFullId: false,
      },
    );
  }
  accounts.push(
    { username: 'auditor', role: 'auditor', regionCode: '15', displayName: '自治区审计（演示，只读）', canViewFullId: false },
    { username: 'huize', role: 'county', regionCode: '530326', displayName: '会泽县就业服务中心（演示）', canViewFullId: false },
    {
      username: 'huayuan',
      role: 'county',
      regionCode: '433124',
      displayName: '花垣县就业服务中心（演示）',
      canViewFullId: false,
    },
  );
  return accounts;
}

/** The laborer of the register the demo shows 劳动者服务 with (found among the seeded people). */
export interface DemoLaborer {
  name: string;
  idNumber: string;
  phone: string;
  place: string;
  recommendations: number;
}

/** How the demo laborer logs in, for the start-up banner: no password, a code through the SMS sender. */
export function demoLaborerLines(l: DemoLaborer, baseUrl: string, smsSender: string): string[] {
  return [
    `劳动者服务（手机打开 ${baseUrl}me/login）演示劳动者：${l.name}（${l.place}，${l.recommendations} 个推荐岗位）`,
    `  身份证号 ${l.idNumber}  手机号 ${l.phone}`,
    `  点“获取验证码”后，6位验证码写在短信发送方：${smsSender}（最后一行的 text）`,
  ];
}
