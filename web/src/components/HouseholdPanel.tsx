// The household of a laborer and its members, each a link to their own record.
import { Descriptions, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Household, HouseholdMember, Id } from '../api/types.ts';
import { orDash, yesNo } from '../lib/format.ts';

export function HouseholdPanel({ household: h, currentId }: { household: Household; currentId: Id }) {
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: '户编号', label: '户编号', children: h.number },
          {
            key: '户类型',
            label: '户类型',
            children: (
              <>
                <Tag color={h.type === '监测对象' ? 'orange' : 'blue'}>{h.type}</Tag>
                {h.monitoringCategory && <Tag>{h.monitoringCategory}</Tag>}
              </>
            ),
          },
          {
            key: '零就业家庭',
            label: '零就业家庭',
            children: <Tag color={h.zeroEmployment ? 'red' : 'default'}>{yesNo(h.zeroEmployment)}</Tag>,
          },
          { key: '易地搬迁', label: '易地搬迁', children: yesNo(h.relocated) },
          { key: '安置点', label: '安置点', children: orDash(h.relocationSite) },
          { key: '村代码', label: '村代码', children: h.villageCode },
        ]}
      />
      <Table<HouseholdMember>
        size="small"
        rowKey={(m) => String(m.id)}
        dataSource={h.members}
        pagination={false}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (name: string, m) =>
              String(m.id) === String(currentId) ? <b>{name}（本人）</b> : <Link to={`/laborers/${m.id}`}>{name}</Link>,
          },
          { title: '与户主关系', dataIndex: 'relationship' },
          { title: '性别', dataIndex: 'sex' },
          { title: '年龄', dataIndex: 'age' },
          { title: '劳动技能', dataIndex: 'workCapacity' },
          {
            title: '就业状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={s === '已就业' ? 'green' : 'default'}>{s}</Tag>,
          },
        ]}
      />
    </>
  );
}
