// What differs between the places the demo population lives in: ethnic mix, share of
// relocated households, where people go to work, local skills. Shares are rounded from
// county yearbooks and the seventh census; they make the demo plausible, not a statistic.
import type { SurnameRegion } from './names.ts';

export interface AreaProfile {
  /** Ethnicity weights for a household head. */
  ethnicMix: Record<string, number>;
  surnameRegion: SurnameRegion;
  /** Share of households relocated (易地扶贫搬迁). */
  relocatedShare: number;
  /** Share of households that are 监测对象 rather than 脱贫户. */
  monitoredShare: number;
  /** Share of migrant workers who work outside the province. */
  outOfProvinceShare: number;
  /** 省外 destinations (province + city as people write them) with weights. */
  outOfProvinceCities: Record<string, number>;
  /** 4-digit city codes inside the province where migrants go, with weights. */
  inProvinceCities: Record<string, number>;
  /** What people name as preferred places of work. */
  preferredPlaces: readonly string[];
  /** Skills particular to the area's farming and crafts. */
  localSkills: readonly string[];
  /** Names of relocation sites; otherwise made from the county's towns. */
  relocationSites?: readonly string[];
}

const INNER_MONGOLIA: AreaProfile = {
  ethnicMix: { 汉族: 80, 蒙古族: 17, 满族: 2, 回族: 1 },
  surnameRegion: 'north',
  relocatedShare: 0.05,
  monitoredShare: 0.12,
  outOfProvinceShare: 0.3,
  outOfProvinceCities: {
    北京市: 20,
    天津市: 10,
    河北省张家口市: 6,
    河北省唐山市: 4,
    辽宁省沈阳市: 6,
    辽宁省大连市: 3,
    山西省大同市: 3,
    山东省青岛市: 3,
    江苏省苏州市: 3,
    广东省深圳市: 3,
  },
  inProvinceCities: { '1501': 30, '1502': 20, '1506': 20, '1504': 15, '1509': 8, '1505': 7 },
  preferredPlaces: ['本旗县', '赤峰市', '呼和浩特市', '包头市', '鄂尔多斯市', '乌兰察布市', '北京市', '天津市', '河北省'],
  localSkills: ['牛羊养殖', '马铃薯种植', '奶牛养殖', '农机驾驶', '草原管护'],
};

const YUNNAN: AreaProfile = {
  ethnicMix: { 汉族: 67, 彝族: 11, 白族: 4, 哈尼族: 4, 傣族: 3, 壮族: 3, 苗族: 3, 回族: 2, 傈僳族: 2, 纳西族: 1 },
  surnameRegion: 'yunnan',
  relocatedShare: 0.12,
  monitoredShare: 0.1,
  outOfProvinceShare: 0.6,
  outOfProvinceCities: {
    浙江省宁波市: 15,
    浙江省温州市: 6,
    浙江省杭州市: 6,
    广东省深圳市: 12,
    广东省东莞市: 12,
    广东省佛山市: 6,
    福建省厦门市: 6,
    福建省泉州市: 6,
    江苏省苏州市: 8,
    上海市: 6,
    四川省成都市: 2,
    贵州省贵阳市: 2,
  },
  inProvinceCities: { '5301': 50, '5303': 35, '5304': 15 },
  preferredPlaces: ['本县', '曲靖市', '昆明市', '浙江省', '广东省', '福建省', '江苏省', '上海市'],
  localSkills: ['烤烟种植', '魔芋种植', '中药材种植', '生猪养殖', '民族刺绣'],
};

const HUNAN: AreaProfile = {
  ethnicMix: { 汉族: 89, 土家族: 4, 苗族: 3, 侗族: 2, 瑶族: 2 },
  surnameRegion: 'national',
  relocatedShare: 0.08,
  monitoredShare: 0.1,
  outOfProvinceShare: 0.7,
  outOfProvinceCities: {
    广东省深圳市: 20,
    广东省东莞市: 18,
    广东省广州市: 12,
    广东省佛山市: 8,
    浙江省杭州市: 6,
    浙江省宁波市: 6,
    福建省厦门市: 4,
    江苏省苏州市: 4,
    上海市: 4,
  },
  inProvinceCities: { '4301': 60, '4302': 15, '4303': 10, '4304': 15 },
  preferredPlaces: ['本县', '长沙市', '株洲市', '广东省', '浙江省', '福建省', '上海市'],
  localSkills: ['柑橘种植', '茶叶种植', '生猪养殖', '油茶种植'],
};

const GENERIC: AreaProfile = {
  ethnicMix: { 汉族: 92, 回族: 3, 满族: 3, 壮族: 2 },
  surnameRegion: 'national',
  relocatedShare: 0.06,
  monitoredShare: 0.1,
  outOfProvinceShare: 0.5,
  outOfProvinceCities: { 广东省深圳市: 20, 广东省东莞市: 15, 浙江省杭州市: 10, 江苏省苏州市: 10, 上海市: 10, 北京市: 10 },
  inProvinceCities: {},
  preferredPlaces: ['本县', '省会城市', '广东省', '浙江省', '江苏省'],
  localSkills: ['种植', '养殖'],
};

/** Counties whose make-up differs from their province's. */
const COUNTY_OVERRIDES: Record<string, Partial<AreaProfile>> = {
  // 克什克腾旗: about one in seven is Mongol; herding and potato farming.
  '150425': { ethnicMix: { 汉族: 84, 蒙古族: 14, 满族: 1, 回族: 1 } },
  // 翁牛特旗
  '150426': { ethnicMix: { 汉族: 86, 蒙古族: 12, 满族: 1, 回族: 1 } },
  // 卓资县 (乌兰察布): almost all Han; work in 呼和浩特 next door.
  '150921': {
    ethnicMix: { 汉族: 97, 蒙古族: 2, 回族: 1 },
    inProvinceCities: { '1501': 60, '1502': 15, '1509': 15, '1506': 10 },
    preferredPlaces: ['本县', '乌兰察布市', '呼和浩特市', '包头市', '鄂尔多斯市', '北京市'],
  },
  // 花垣县 (湘西土家族苗族自治州): Miao about three in four, Tujia most of the rest; kiwi fruit
  // (十八洞村), 黄金茶 and 苗绣; work in the prefecture town 吉首, in 长沙 and in Guangdong.
  '433124': {
    ethnicMix: { 苗族: 77, 土家族: 16, 汉族: 7 },
    inProvinceCities: { '4331': 45, '4301': 45, '4308': 10 },
    preferredPlaces: ['本县', '吉首市', '长沙市', '广东省', '浙江省', '福建省'],
    localSkills: ['猕猴桃种植', '茶叶种植', '苗绣', '生猪养殖', '烤烟种植'],
  },
  // 会泽县: Han 93%, Hui (新街回族乡 and others) 3%, Yi 2.5%, Miao, Buyi; one of Yunnan's
  // largest relocation programmes, settled in the new 以礼 and 钟屏 街道 of the county town.
  '530326': {
    ethnicMix: { 汉族: 93, 回族: 3, 彝族: 2.5, 苗族: 1, 布依族: 0.5 },
    relocatedShare: 0.2,
    outOfProvinceShare: 0.65,
    relocationSites: [
      '会泽县以礼街道易地扶贫搬迁安置区',
      '会泽县钟屏街道易地扶贫搬迁安置区',
      '会泽县者海镇集中安置点',
      '会泽县娜姑镇集中安置点',
    ],
  },
};

const PROVINCES: Record<string, AreaProfile> = { '15': INNER_MONGOLIA, '53': YUNNAN, '43': HUNAN };

export function profileFor(countyCode: string): AreaProfile {
  const base = PROVINCES[countyCode.slice(0, 2)] ?? GENERIC;
  return { ...base, ...COUNTY_OVERRIDES[countyCode] };
}

/**
 * Ethnic townships and Mongol sumu/gacha have their own make-up: a 回族乡 is mostly Hui,
 * a 苏木 or 嘎查 mostly Mongol.
 */
export function ethnicMixFor(profile: AreaProfile, townshipName: string, villageName: string): Record<string, number> {
  if (/苏木|嘎查/.test(townshipName + villageName)) return { 蒙古族: 65, 汉族: 33, 达斡尔族: 1, 满族: 1 };
  for (const group of ['回族', '彝族', '苗族', '满族', '蒙古族', '土家族', '瑶族']) {
    if (townshipName.includes(group)) return { [group]: 60, 汉族: 40 };
  }
  return profile.ethnicMix;
}

export const PREFERRED_WORK = [
  '建筑业',
  '制造业',
  '餐饮服务',
  '家政服务',
  '保安',
  '物流快递',
  '电子装配',
  '种植养殖',
  '驾驶运输',
  '商贸销售',
  '保洁',
  '养老护理',
] as const;

/** Skills with the certificate that usually goes with each (empty: none). */
export const SKILLS: Record<string, string> = {
  驾驶: '机动车驾驶证（B2）',
  电焊: '焊工证',
  砌筑: '砌筑工职业技能等级证书',
  木工: '',
  水电安装: '电工证',
  电工: '电工证',
  厨师: '中式烹调师证',
  家政服务: '家政服务员证',
  保安: '保安员证',
  缝纫: '',
  育婴: '育婴员证',
  养老护理: '养老护理员证',
  汽车维修: '汽车维修工证',
  美容美发: '美发师证',
  挖掘机操作: '挖掘机操作证',
  钢筋工: '',
  电子商务: '电子商务师证',
};

export const TRAINING_NEEDS = [
  '电工',
  '焊工',
  '家政服务',
  '育婴员',
  '养老护理',
  '中式烹调',
  '挖掘机操作',
  '汽车驾驶',
  '种植技术',
  '养殖技术',
  '电子商务',
  '直播带货',
  '缝纫',
] as const;

export const EMPLOYER_BRANDS = [
  '恒达',
  '鑫源',
  '宏发',
  '华兴',
  '正泰',
  '永盛',
  '金鹏',
  '顺达',
  '隆基',
  '远航',
  '新城',
  '天元',
  '富康',
  '恒信',
  '宏图',
  '瑞丰',
  '佳禾',
  '中兴',
  '长城',
  '盛世',
  '泰和',
  '东方',
  '万通',
  '三友',
] as const;

export const EMPLOYER_KINDS = [
  '电子有限公司',
  '建筑劳务有限公司',
  '物流有限公司',
  '餐饮管理有限公司',
  '制衣有限公司',
  '物业服务有限公司',
  '食品有限公司',
  '机械制造有限公司',
  '家政服务有限公司',
  '保安服务有限公司',
  '酒店管理有限公司',
  '建材有限公司',
] as const;

export const LOCAL_EMPLOYER_KINDS = [
  '农牧业专业合作社',
  '建材有限公司',
  '食品有限公司',
  '商贸有限公司',
  '养殖专业合作社',
  '物流有限公司',
] as const;

export const WORKSHOP_KINDS = ['服装加工', '手工编织', '食品加工', '电子元件组装', '民族刺绣', '农产品分拣', '藤编'] as const;

export const PUBLIC_POSTS = ['保洁员', '生态护林员', '护路员', '治安巡逻员', '水管员', '草原管护员', '公共设施管护员'] as const;

export const WORK_RELIEF_PROJECTS = ['农村道路', '小型水利', '高标准农田', '人居环境整治', '林草生态建设'] as const;

export const BUSINESSES = ['牛羊养殖', '小卖部', '农机服务', '货物运输', '农家餐馆', '蔬菜种植', '电商小店'] as const;
