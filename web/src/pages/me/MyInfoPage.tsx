// 我的信息: the laborer's own register record, read only, with where to have it corrected.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Spin, Timeline, Typography } from 'antd';
import { me } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { listText, orDash, yesNo, yuan } from '../../lib/format.ts';

export function MyInfoPage() {
  const q = useQuery({ queryKey: ['me', 'profile'], queryFn: me.profile });
  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  return (
    <>
      <Typography.Title level={4}>我的信息</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={p.correction} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{p.idNumber}</Descriptions.Item>
          <Descriptions.Item label="性别 / 年龄">{`${p.sex} / ${p.age} 岁`}</Descriptions.Item>
          <Descriptions.Item label="手机号">{orDash(p.phone)}</Descriptions.Item>
          <Descriptions.Item label="所在村">{p.place || p.villageCode}</Descriptions.Item>
          <Descriptions.Item label="户编号">{p.household.number}</Descriptions.Item>
          <Descriptions.Item label="户类型">
            {p.household.type}
            {p.household.monitoringCategory ? `（${p.household.monitoringCategory}）` : ''}
            {p.household.relocated ? '，易地扶贫搬迁' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="与户主关系">{p.household.relationship}</Descriptions.Item>
          <Descriptions.Item label="民族 / 文化程度">{`${orDash(p.ethnicity)} / ${orDash(p.education)}`}</Descriptions.Item>
          <Descriptions.Item label="劳动技能">{p.workCapacity}</Descriptions.Item>
          <Descriptions.Item label="健康 / 残疾">{`${orDash(p.health)} / ${orDash(p.disability)}`}</Descriptions.Item>
          <Descriptions.Item label="技能 / 证书">{`${listText(p.skills)} / ${listText(p.certificates)}`}</Descriptions.Item>
          <Descriptions.Item label="外出务工意愿">{yesNo(p.migrateWilling)}</Descriptions.Item>
          <Descriptions.Item label="意向地点 / 工种">{`${listText(p.preferredPlaces)} / ${listText(p.preferredWork)}`}</Descriptions.Item>
          <Descriptions.Item label="培训需求">{listText(p.trainingNeeds)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="就业经历">
        {p.spells.length === 0 ? (
          <Empty description="台账中没有就业记录" />
        ) : (
          <Timeline
            items={p.spells.map((s) => ({
              key: s.id,
              children: (
                <>
                  <div>{`${s.startDate} 至 ${s.endDate ?? '今'}`}</div>
                  <div>{[s.channel, s.place, s.employer].filter(Boolean).join(' · ')}</div>
                  {s.monthlyIncomeFen > 0 && <div>月收入 {yuan(s.monthlyIncomeFen)}</div>}
                </>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
