// The demo's 区划认定: lists that put the demo counties on the designated lists their rules read,
// so that a demo officer's 试算 and claims take the fact from the list instead of anyone typing it
// into each case: Yunnan's 深度贫困县 with 会泽县 (乡村公共服务岗位补贴 PWP-YN, 云南 2018 九) and
// Hunan's 贫困县 with 花垣县 (岗位补贴 POST-HN's higher rate, 湖南 2017 二（三）1). Marked as demo
// data in title and basis: a real deployment enters the lists its province published, from the
// province's account.
import type { Database } from '../../db/connection.ts';
import type { DesignationKind } from '../../domain/region/designation.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { insertList, insertMembers, lists } from '../regions/designations.repository.ts';
import { latestNames } from '../regions/designations.service.ts';
import { DEMO_OFFICES } from './demo-cycle.ts';

const BASIS = '演示数据，仅供试用；实际使用时由省级人员按省人民政府公布的名单录入';

export const DEMO_LISTS: { kind: DesignationKind; county: string; title: string; from: string }[] = [
  { kind: 'deep_poverty_county', county: DEMO_OFFICES.huize.county, title: '云南省深度贫困县名单（演示）', from: '2018-01-01' },
  { kind: 'poor_county', county: DEMO_OFFICES.huayuan.county, title: '湖南省贫困县名单（演示）', from: '2017-07-01' },
];

/** Enters each demo list whose county is loaded and whose province has no list yet; answers the titles entered. */
export async function seedDemoDesignations(database: Database): Promise<string[]> {
  const entered: string[] = [];
  for (const demo of DEMO_LISTS) {
    const province = demo.county.slice(0, 2);
    const done = await database.kysely.transaction().execute(async (trx) => {
      if ((await lists(trx, { province })).length > 0) return false;
      const name = (await latestNames(trx, [demo.county], 3)).get(demo.county);
      if (!name) return false;
      const list = await insertList(trx, {
        kind: demo.kind,
        province,
        title: demo.title,
        basis: BASIS,
        from: demo.from,
        userId: null,
      });
      await insertMembers(trx, list.id, [{ code: demo.county, name }], null);
      await appendAudit(trx, {
        actorId: null,
        actorName: '演示数据',
        action: 'designation_list.create',
        entity: 'designation_list',
        entityId: list.id,
        regionCode: province,
        after: { kind: demo.kind, province, from: demo.from, counties: [demo.county] },
      });
      return true;
    });
    if (done) entered.push(`${demo.title}（${demo.from} 起）`);
  }
  return entered;
}
