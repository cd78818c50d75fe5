// Names for demo persons: common surnames weighted by their share of the population
// (公安部《2020年全国姓名报告》 order, rounded shares), given names by the decade of birth,
// Mongolian names for Mongol households in Inner Mongolia, and Yi, Hui, Miao and Buyi
// surnames in Yunnan. Invented combinations: any match with a real person is chance.
import type { Random } from './random.ts';

/** '王71 李70' -> { 王: 71, 李: 70 }: long weight tables stay readable in one line each. */
function weights(text: string): Record<string, number> {
  return Object.fromEntries(text.split(/\s+/).map((w) => [w.replace(/[\d.]+$/, ''), Number(/[\d.]+$/.exec(w)?.[0])]));
}

function words(text: string): readonly string[] {
  return text.split(/\s+/);
}

/** Share of the population in per-mille, national. */
const HAN_SURNAMES: Record<string, number> = weights(
  '王71 李70 张67 刘55 陈46 杨31 赵23 黄22 周21 吴20 徐17 孙15 胡13 朱13 高13 林12 何12 郭12 马11 罗9 梁9 宋8 郑8 谢7 韩7 唐7 冯7 于6 董6 萧6 程6 曹6 袁5 邓5 许5 傅5 沈5 曾5 彭5 吕5 苏5 卢5 蒋5 蔡5 贾4 丁4 魏4 薛4 叶4 阎4 余4 潘4 杜4 戴4 夏4 钟4 汪3 田3 任3 姜3 范3 方3 石3 姚3 谭3 廖3 邹3 熊3 金3 陆3 郝3 孔3 白3 崔3 康3 毛3 邱3 秦3 江3 史3 顾2 侯2 邵2 孟2 龙2 万2 段2 雷2 钱2 汤2 尹2 黎2 易2 常2 武2 乔2 贺2 赖2 龚2 文2 单1 葛1 牛1 温1 齐1 闫1',
);

/** Northern China has more 王/张/刘/赵/高/郭/孙 and fewer southern names (黄/林/梁/谢/赖/廖). */
const NORTH_BIAS: Record<string, number> = weights(
  '王1.3 张1.3 刘1.3 赵1.5 高1.4 郭1.4 孙1.3 闫2 牛2 黄0.4 林0.3 梁0.5 谢0.5 赖0.1 廖0.2 钟0.3 曾0.3',
);
/** Qujing/Huize: 李/张/王/陈/杨/朱/罗 are the large surnames. */
const YUNNAN_BIAS: Record<string, number> = weights('李1.4 杨1.5 朱1.5 罗1.6 陈1.2 徐0.6 孙0.5 林0.4 赖0.1 郭0.6 韩0.5');

function biased(base: Record<string, number>, bias: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(base).map(([k, w]) => [k, w * (bias[k] ?? 1)]));
}

export const SURNAMES_BY_REGION = {
  north: biased(HAN_SURNAMES, NORTH_BIAS),
  yunnan: biased(HAN_SURNAMES, YUNNAN_BIAS),
  national: HAN_SURNAMES,
} as const;
export type SurnameRegion = keyof typeof SURNAMES_BY_REGION;

/** Surnames of minority households that use Han-style names. */
const ETHNIC_SURNAMES: Record<string, Record<string, number>> = {
  蒙古族: { 包: 20, 白: 14, 吴: 8, 韩: 8, 鲍: 6, 宝: 5, 王: 5, 陈: 4, 金: 3, 云: 3, 席: 2, 乌: 2, 德: 2, 那: 2 },
  满族: { 关: 10, 赵: 10, 佟: 6, 那: 5, 富: 4, 金: 6, 王: 8, 付: 4, 吴: 4, 唐: 3, 肖: 3 },
  回族: { 马: 40, 纳: 10, 丁: 8, 沙: 6, 保: 5, 李: 6, 杨: 5, 穆: 4, 拜: 3, 海: 3, 白: 3, 张: 3 },
  彝族: { 李: 14, 王: 8, 张: 6, 罗: 8, 禄: 6, 安: 5, 普: 6, 陆: 4, 者: 3, 沙: 3, 陇: 2, 朱: 4, 阿: 2 },
  // Yunnan and Guizhou (陶, 熊) and 湘西 (石, 龙, 吴, 麻, 施).
  苗族: { 杨: 12, 王: 6, 张: 6, 陶: 6, 熊: 5, 石: 9, 龙: 8, 吴: 7, 麻: 5, 施: 3, 李: 4, 罗: 3 },
  土家族: { 彭: 12, 向: 10, 田: 10, 覃: 6, 王: 6, 张: 6, 李: 5, 冉: 4, 符: 3, 龚: 3 },
  布依族: { 王: 10, 岑: 6, 韦: 8, 罗: 6, 黄: 6, 陆: 4, 杨: 4, 班: 3, 吴: 3 },
};

type Era = 'old' | 'middle' | 'young' | 'child';

function eraOf(birthYear: number): Era {
  if (birthYear < 1966) return 'old';
  if (birthYear < 1991) return 'middle';
  if (birthYear < 2009) return 'young';
  return 'child';
}

/** Given names as the generations actually named their children. */
const GIVEN: Record<'男' | '女', Record<Era, readonly string[]>> = {
  男: {
    old: words(
      '建国 国庆 建华 德胜 福贵 长顺 永发 志刚 树林 玉林 宝山 金山 海生 春生 有才 兴旺 广田 学文 振华 德明 福 贵 财 忠 义 宝 成 林 明 祥 国华 凤山 文和 占山 玉春 永和 守仁 万林 庆云 连生 继光 跃进 红旗 卫国',
    ),
    middle: words(
      '伟 强 军 勇 刚 斌 磊 涛 鹏 杰 明 辉 超 亮 波 峰 龙 飞 东 平 建军 海波 志强 晓东 国伟 永军 红军 卫东 立新 春雷 海军 文斌 建平 建伟 志勇 海涛 俊峰 晓明 利民 国强 小军 永强 金龙 建新 振宇 海龙 德军',
    ),
    young: words(
      '浩 宇 鑫 博 帅 凯 晨 阳 旭 昊 俊 豪 宇航 浩然 子豪 嘉豪 俊杰 文博 志远 思远 家乐 泽宇 明轩 鹏飞 晓宇 天宇 佳豪 雨辰 一鸣 宏宇 子健 浩宇 振东 嘉伟 晨阳 博文 海洋 子龙',
    ),
    child: words(
      '子轩 梓轩 宇轩 浩宇 梓豪 俊熙 一诺 沐宸 子墨 浩然 宇泽 奕辰 皓轩 瑞泽 锦程 铭泽 思源 睿 轩 泽 辰逸 宇航 天佑 嘉懿 承泽 子睿 梓睿 俊宇',
    ),
  },
  女: {
    old: words(
      '秀英 桂英 秀兰 玉兰 桂兰 凤英 秀珍 玉珍 淑珍 玉梅 凤兰 素珍 翠花 桂芝 秀云 桂珍 淑兰 金凤 玉芳 兰英 凤芝 玉英 桂花 秀芳 淑芬 淑华 素英 月英 玉华 春兰 桂香 秀梅 金花 凤琴',
    ),
    middle: words(
      '丽 艳 敏 静 燕 芳 娟 霞 红 梅 丽娟 海燕 艳红 春梅 红梅 晓燕 丽华 秀梅 丽萍 美玲 雪梅 金花 小红 晓红 艳玲 丽丽 红霞 彩霞 小燕 晓丽 桂芳 玉霞 海英 丽琴',
    ),
    young: words(
      '婷 倩 雪 欣 悦 佳 琪 颖 静怡 佳欣 欣怡 雨婷 梦瑶 思雨 晓雪 婉婷 诗雨 心怡 佳怡 雅琪 丹丹 晓婷 美琪 慧敏 雪莹 文静 梦洁 玉洁 晓雯 佳琪',
    ),
    child: words(
      '梓涵 雨涵 欣怡 诗涵 一诺 语桐 梓萱 若汐 可馨 子涵 依诺 沐瑶 思彤 雨桐 紫涵 梦琪 欣妍 诗琪 悦 涵 安琪 芷若 语嫣 佳怡 梓琪 艺涵',
    ),
  },
};

/** Mongolian personal names in their usual Chinese transcription; many carry no surname. */
const MONGOL_GIVEN: Record<'男' | '女', readonly string[]> = {
  男: words(
    '巴特尔 额尔敦 乌力吉 孟和 朝鲁 巴图 苏和 宝音 那顺 哈斯 阿拉坦 吉日嘎拉 满都拉 毕力格 特木尔 巴雅尔 图门 达来 敖其尔 额尔德尼 布和 格日勒图 呼和 白音 巴根那 斯琴巴特尔 那日苏 宝力道 乌日图 额尔敦巴雅尔 达瓦 赛音 阿古拉 朝克图 乌恩 巴特 宝音德力格尔 吉雅 图布信 孟根 哈斯巴根 旭日 额日和木 巴音孟和',
  ),
  女: words(
    '其其格 萨仁 高娃 乌云 娜仁 斯琴 图雅 托娅 琪琪格 格日勒 乌兰 塔娜 萨日娜 阿拉坦其其格 乌日娜 苏日娜 额尔敦其其格 娜日苏 其木格 萨仁高娃 乌云其木格 斯琴高娃 乌日罕 敖登 通拉嘎 那仁花 宝日勒 乌仁图雅 阿如汗 诺敏 哈斯其其格 萨茹拉 娜布其 银花 金花',
  ),
};

export interface NameContext {
  ethnicity: string;
  surnameRegion: SurnameRegion;
}

export function pickSurname(rnd: Random, ctx: NameContext): string {
  const table = ETHNIC_SURNAMES[ctx.ethnicity];
  if (table && ctx.ethnicity !== '蒙古族') return rnd.weighted(table);
  if (table && rnd.chance(0.7)) return rnd.weighted(table);
  return rnd.weighted(SURNAMES_BY_REGION[ctx.surnameRegion]);
}

/**
 * A full name. Mongols in Inner Mongolia: half use a Mongolian personal name alone
 * (巴特尔, 其其格), the others a Han-style name, often with 包/白/韩 as surname.
 */
export function makeName(rnd: Random, sex: '男' | '女', birthYear: number, surname: string, ctx: NameContext): string {
  if (ctx.ethnicity === '蒙古族' && rnd.chance(0.5)) return rnd.pick(MONGOL_GIVEN[sex]);
  return surname + rnd.pick(GIVEN[sex][eraOf(birthYear)]);
}
