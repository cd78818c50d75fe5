// 中华人民共和国职业分类大典 (national occupational classification), 2015 edition, whose
// major groups (大类) and the codes below were kept by the 2022 edition.
//
// What this list covers, and only that:
// - all 8 major groups (大类, one digit);
// - every middle group (中类, "4-03") of major groups 4 (社会生产服务和生活服务人员),
//   5 (农、林、牧、渔业生产及辅助人员) and 6 (生产制造及有关人员), where almost all jobs
//   offered to rural laborers lie;
// - a few occupations (职业, "4-10-01-06") whose code is printed on their national
//   occupational skill standard (国家职业技能标准, 职业编码), the ones most asked for in
//   labor export and in the training the documents subsidise.
// Minor groups (小类) and the other occupations are not listed: a job of an occupation that
// is not here is coded to its middle group (e.g. a sewing job to 6-05). Add entries only
// from the printed classification or a national standard, citing it in `source`.

export type OccupationLevel = 'major' | 'middle' | 'occupation';

export interface OccupationCode {
  code: string;
  name: string;
  /** Words people use for the same work, searched as well as the name. */
  keywords?: readonly string[];
  /** Where an occupation-level code is printed (国家职业技能标准 and its year). */
  source?: string;
}

export const OCCUPATION_EDITION = '职业分类大典（2015年版，2022年版沿用以下代码）';

export const OCCUPATION_CODES: readonly OccupationCode[] = [
  { code: '1', name: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人' },
  { code: '2', name: '专业技术人员' },
  { code: '3', name: '办事人员和有关人员' },
  { code: '4', name: '社会生产服务和生活服务人员' },
  { code: '5', name: '农、林、牧、渔业生产及辅助人员' },
  { code: '6', name: '生产制造及有关人员' },
  { code: '7', name: '军人' },
  { code: '8', name: '不便分类的其他从业人员' },

  { code: '4-01', name: '批发与零售服务人员', keywords: ['销售', '售货', '导购', '收银'] },
  { code: '4-02', name: '交通运输、仓储和邮政业服务人员', keywords: ['司机', '驾驶员', '快递', '仓库', '装卸', '物流'] },
  { code: '4-03', name: '住宿和餐饮服务人员', keywords: ['厨师', '服务员', '酒店', '餐厅', '帮厨'] },
  { code: '4-04', name: '信息传输、软件和信息技术服务人员' },
  { code: '4-05', name: '金融服务人员' },
  { code: '4-06', name: '房地产服务人员', keywords: ['物业'] },
  { code: '4-07', name: '租赁和商务服务人员', keywords: ['保安'] },
  { code: '4-08', name: '技术辅助服务人员' },
  { code: '4-09', name: '水利、环境和公共设施管理服务人员', keywords: ['保洁', '环卫', '绿化', '护林'] },
  { code: '4-10', name: '居民服务人员', keywords: ['家政', '保姆', '月嫂', '护工', '美发', '美容'] },
  { code: '4-11', name: '电力、燃气及水供应服务人员' },
  { code: '4-12', name: '修理及制作服务人员', keywords: ['维修', '修理'] },
  { code: '4-13', name: '文化、体育和娱乐服务人员' },
  { code: '4-14', name: '健康服务人员' },
  { code: '4-99', name: '其他社会生产和生活服务人员' },

  { code: '5-01', name: '农业生产人员', keywords: ['种植', '采摘', '农场', '大棚', '蔬菜', '水果', '茶叶'] },
  { code: '5-02', name: '林业生产人员', keywords: ['造林', '护林', '苗木'] },
  { code: '5-03', name: '畜牧业生产人员', keywords: ['养殖', '饲养', '放牧', '养猪', '养牛', '养羊'] },
  { code: '5-04', name: '渔业生产人员', keywords: ['捕捞', '水产'] },
  { code: '5-05', name: '农、林、牧、渔业生产辅助人员', keywords: ['农机', '植保'] },
  { code: '5-99', name: '其他农、林、牧、渔业生产及辅助人员' },

  { code: '6-01', name: '农副产品加工人员' },
  { code: '6-02', name: '食品、饮料生产加工人员', keywords: ['食品厂'] },
  { code: '6-03', name: '烟草及其制品加工人员' },
  { code: '6-04', name: '纺织、针织、印染人员', keywords: ['纺织'] },
  { code: '6-05', name: '纺织品、服装和皮革、毛皮制品加工制作人员', keywords: ['缝纫', '车工', '服装厂', '制衣', '制鞋'] },
  { code: '6-06', name: '木材加工、家具与木制品制作人员', keywords: ['家具', '木工'] },
  { code: '6-07', name: '纸及纸制品生产加工人员' },
  { code: '6-08', name: '印刷和记录媒介复制人员' },
  { code: '6-09', name: '文教、工美、体育和娱乐用品制作人员', keywords: ['玩具', '工艺品', '刺绣'] },
  { code: '6-10', name: '石油加工和炼焦、煤化工生产人员' },
  { code: '6-11', name: '化学原料和化学制品制造人员' },
  { code: '6-12', name: '医药制造人员' },
  { code: '6-13', name: '化学纤维制造人员' },
  { code: '6-14', name: '橡胶和塑料制品制造人员' },
  { code: '6-15', name: '非金属矿物制品制造人员' },
  { code: '6-16', name: '采矿人员', keywords: ['矿工', '煤矿'] },
  { code: '6-17', name: '金属冶炼和压延加工人员' },
  { code: '6-18', name: '机械制造基础加工人员' },
  { code: '6-19', name: '金属制品制造人员' },
  { code: '6-20', name: '通用设备制造人员' },
  { code: '6-21', name: '专用设备制造人员' },
  { code: '6-22', name: '汽车制造人员' },
  { code: '6-23', name: '铁路、船舶、航空设备制造人员' },
  { code: '6-24', name: '电气机械和器材制造人员' },
  { code: '6-25', name: '计算机、通信和其他电子设备制造人员', keywords: ['电子厂', '普工', '流水线', '手机'] },
  { code: '6-26', name: '仪器仪表制造人员' },
  { code: '6-27', name: '废弃资源综合利用人员' },
  { code: '6-28', name: '电力、热力、气体、水生产和输配人员' },
  { code: '6-29', name: '建筑施工人员', keywords: ['建筑', '工地', '瓦工', '钢筋', '木工', '架子工'] },
  { code: '6-30', name: '运输设备和通用工程机械操作人员及有关人员', keywords: ['挖掘机', '叉车', '装载机'] },
  { code: '6-31', name: '生产辅助人员' },
  { code: '6-99', name: '其他生产制造及有关人员' },

  { code: '4-03-02-01', name: '中式烹调师', keywords: ['厨师', '炒菜'], source: '中式烹调师国家职业技能标准（2018年版）' },
  { code: '4-03-02-02', name: '中式面点师', keywords: ['面点', '白案'], source: '中式面点师国家职业技能标准（2018年版）' },
  { code: '4-10-01-01', name: '育婴员', keywords: ['月嫂', '育儿嫂'], source: '育婴员国家职业技能标准（2019年版）' },
  { code: '4-10-01-02', name: '保育员', keywords: ['幼儿园'], source: '保育员国家职业技能标准（2019年版）' },
  {
    code: '4-10-01-05',
    name: '养老护理员',
    keywords: ['护工', '养老院', '护理'],
    source: '养老护理员国家职业技能标准（2019年版）',
  },
  {
    code: '4-10-01-06',
    name: '家政服务员',
    keywords: ['家政', '保姆', '保洁'],
    source: '家政服务员国家职业技能标准（2019年版）',
  },
  { code: '4-12-01-01', name: '汽车维修工', keywords: ['汽修', '修车'], source: '汽车维修工国家职业技能标准（2018年版）' },
  { code: '6-18-01-01', name: '车工', keywords: ['车床'], source: '车工国家职业技能标准（2018年版）' },
  { code: '6-18-02-04', name: '焊工', keywords: ['电焊', '焊接', '气焊'], source: '焊工国家职业技能标准（2018年版）' },
  { code: '6-31-01-03', name: '电工', keywords: ['电工证', '水电'], source: '电工国家职业技能标准（2018年版）' },
];
