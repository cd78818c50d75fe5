// The demo's 区划认定: a list of 深度贫困县 for Yunnan with 会泽县 on it, so that the Huize demo
// shows a rule reading it (乡村公共服务岗位补贴 PWP-YN, 云南 2018 九) without anyone typing
// 深度贫困县 into each case. Marked as demo data in its title and basis: a real deployment
// enters the list its province published, from the province's account.
import type { Database } from '../../db/connection.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { insertList, insertMembers, lists } from '../regions/designations.repository.ts';
import { latestNames } from '../regions/designations.service.ts';
import { DEMO_COUNTY } from './demo-cycle.ts';

const PROVINCE = DEMO_COUNTY.slice(0, 2);

/** Enters the demo list when Huize is loaded and Yunnan has no list yet; answers whether it did. */
export async function seedDemoDesignations(database: Database): Promise<boolean> {
  return database.kysely.transaction().execute(async (trx) => {
    if ((await lists(trx, { province: PROVINCE })).length > 0) return false;
    const name = (await latestNames(trx, [DEMO_COUNTY], 3)).get(DEMO_COUNTY);
    if (!name) return false;
    const list = await insertList(trx, {
      kind: 'deep_poverty_county',
      province: PROVINCE,
      title: '云南省深度贫困县名单（演示）',
      basis: '演示数据，仅供试用；实际使用时由省级人员按省人民政府公布的名单录入',
      from: '2018-01-01',
      userId: null,
    });
    await insertMembers(trx, list.id, [{ code: DEMO_COUNTY, name }], null);
    await appendAudit(trx, {
      actorId: null,
      actorName: '演示数据',
      action: 'designation_list.create',
      entity: 'designation_list',
      entityId: list.id,
      regionCode: PROVINCE,
      after: { kind: 'deep_poverty_county', province: PROVINCE, from: '2018-01-01', counties: [DEMO_COUNTY] },
    });
    return true;
  });
}
