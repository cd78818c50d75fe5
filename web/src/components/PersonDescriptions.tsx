// A laborer's own fields, read-only.
import { FIELD_LABELS as L } from '@domain/registry/person-input.ts';
import { Button, Descriptions, Space, Tag } from 'antd';
import type { Person } from '../api/types.ts';
import { listText, orDash, yesNo } from '../lib/format.ts';

interface Props {
  person: Person;
  /** The full ID number once revealed (an audited request). */
  revealedId?: string;
  onReveal?: () => void;
  revealing?: boolean;
}

export function villagePathText(p: Pick<Person, 'villagePath' | 'villageCode'>): string {
  if (Array.isArray(p.villagePath)) return p.villagePath.map((x) => x.name).join(' / ');
  return p.villagePath ? p.villagePath.split('/').join(' / ') : p.villageCode;
}

export function PersonDescriptions({ person: p, revealedId, onReveal, revealing }: Props) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: L.name, label: L.name, children: p.name },
        {
          key: L.idNumber,
          label: L.idNumber,
          children: (
            <Space>
              <span data-testid="id-number">{revealedId ?? p.idNumber}</span>
              {onReveal && !revealedId && (
                <Button size="small" type="link" loading={revealing} onClick={onReveal}>
                  查看完整身份证号
                </Button>
              )}
            </Space>
          ),
        },
        { key: L.sex, label: L.sex, children: p.sex },
        {
          key: L.birthDate,
          label: L.birthDate,
          children: `${p.birthDate}（${p.age}岁）`,
        },
        { key: L.ethnicity, label: L.ethnicity, children: orDash(p.ethnicity) },
        { key: L.education, label: L.education, children: orDash(p.education) },
        { key: L.relationship, label: L.relationship, children: p.relationship },
        { key: L.workCapacity, label: L.workCapacity, children: p.workCapacity },
        { key: L.health, label: L.health, children: orDash(p.health) },
        { key: L.disability, label: L.disability, children: orDash(p.disability) },
        { key: L.studentStatus, label: L.studentStatus, children: p.studentStatus },
        { key: L.phone, label: L.phone, children: orDash(p.phone) },
        {
          key: '所在村',
          label: '所在村',
          children: `${villagePathText(p)}（${p.villageCode}）`,
          span: 'filled',
        },
        {
          key: '就业状态',
          label: '就业状态',
          children: <Tag color={p.status === '已就业' ? 'green' : 'default'}>{p.status}</Tag>,
        },
        {
          key: '劳动年龄内',
          label: '劳动年龄内',
          children: <Tag color={p.workingAge ? 'blue' : 'default'}>{yesNo(p.workingAge)}</Tag>,
        },
        { key: L.migrateWilling, label: L.migrateWilling, children: yesNo(p.migrateWilling) },
        { key: L.skills, label: L.skills, children: listText(p.skills) },
        { key: L.certificates, label: L.certificates, children: listText(p.certificates) },
        { key: L.preferredPlaces, label: L.preferredPlaces, children: listText(p.preferredPlaces) },
        { key: L.preferredWork, label: L.preferredWork, children: listText(p.preferredWork) },
        { key: L.serviceNeeds, label: L.serviceNeeds, children: listText(p.serviceNeeds) },
        { key: L.trainingNeeds, label: L.trainingNeeds, children: listText(p.trainingNeeds) },
      ]}
    />
  );
}
