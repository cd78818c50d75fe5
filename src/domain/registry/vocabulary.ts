// Controlled vocabularies of the real-name register, as the documents name them.
// Sources: 人社部发〔2016〕119号 二(一) and its 农村贫困劳动力就业信息表; 内人社办发〔2020〕142号 二;
// 内人社办发〔2023〕183号 一 (监测对象).

export const HOUSEHOLD_TYPES = ['脱贫户', '监测对象'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

/** 防止返贫监测对象 categories. */
export const MONITORING_CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;

export const RELATIONSHIPS = [
  '户主',
  '配偶',
  '子',
  '女',
  '儿媳',
  '女婿',
  '孙子',
  '孙女',
  '父亲',
  '母亲',
  '兄弟姐妹',
  '祖父母',
  '其他',
] as const;

export const SEXES = ['男', '女'] as const;

export const EDUCATION_LEVELS = ['文盲或半文盲', '小学', '初中', '高中', '中专', '技校', '大专', '本科及以上'] as const;

export const WORK_CAPACITIES = ['技能劳动力', '普通劳动力', '弱劳动力或半劳动力', '丧失劳动力', '无劳动力'] as const;
export type WorkCapacity = (typeof WORK_CAPACITIES)[number];

export const HEALTH_STATES = ['健康', '长期慢性病', '患有大病', '残疾'] as const;

export const DISABILITY_KINDS = ['无', '视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;

export const STUDENT_STATES = ['非在校生', '在校生'] as const;

export const EMPLOYMENT_CHANNELS = [
  '外出务工(有组织)',
  '外出务工(自主)',
  '帮扶车间',
  '公益性岗位',
  '以工代赈',
  '自主创业',
  '灵活就业',
  '就地就近',
] as const;
export type EmploymentChannel = (typeof EMPLOYMENT_CHANNELS)[number];

export const SERVICE_NEEDS = ['职业指导', '职业介绍', '技能培训', '创业服务', '劳务输出', '政策咨询', '权益维护'] as const;

export const EMPLOYMENT_STATUSES = ['已就业', '未就业'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** The 56 ethnic groups; stored as the name. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

/** A place of work outside the home province has no code of ours: it is recorded as this. */
export const OUT_OF_PROVINCE = '省外';
