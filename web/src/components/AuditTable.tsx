// 变更记录: each audit entry with the fields it changed, before and after.

import { formatFen } from '@domain/money.ts';
import { FIELD_LABELS } from '@domain/registry/person-input.ts';
import { SPELL_FIELD_LABELS } from '@domain/registry/spell-input.ts';
import { Table, Tag, Typography } from 'antd';
import type { AuditEntry } from '../api/types.ts';
import { beijingDateTime } from '../lib/beijing-time.ts';

/** Labels for stored column names the input labels do not cover. */
const EXTRA_LABELS: Record<string, string> = {
  version: '版本',
  status: '就业状态',
  placeCode: '务工地点代码',
  placeName: '务工地点',
  outOfProvince: '是否省外',
  monthlyIncomeFen: '月收入(元)',
  spellId: '就业经历编号',
  movedSpells: '转移的就业经历',
  householdId: '所属户',
  number: '户编号',
  type: '户类型',
  mergedInto: '合并到',
  nameInitials: '姓名拼音首字母',
};

const ACTION_NAMES: Record<string, string> = {
  'person.create': '新增',
  'person.update': '修改',
  'person.import': '导入',
  'person.merge': '合并',
  'person.view_id': '查看完整身份证号',
  'spell.create': '新增就业经历',
  'spell.update': '修改就业经历',
  'household.create': '新增户',
  'household.update': '修改户信息',
};

/** Bookkeeping columns that say nothing to the user. */
const HIDDEN = new Set(['id', 'personId', 'villageCode', 'rowHash', 'createdAt', 'updatedAt', 'nameInitials', 'version']);

const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

export function fieldLabel(key: string): string {
  const k = camel(key);
  return (
    (FIELD_LABELS as Record<string, string>)[k] ?? (SPELL_FIELD_LABELS as Record<string, string>)[k] ?? EXTRA_LABELS[k] ?? key
  );
}

const show = (key: string, v: unknown): string => {
  if (camel(key) === 'monthlyIncomeFen' && (typeof v === 'number' || typeof v === 'string') && v !== '') return formatFen(v);
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.length ? v.join('、') : '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The fields whose values differ between before and after (all fields of a creation). */
export function diffEntry(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  // A creation lists every field it set; a change only those that differ.
  const villageChanged = JSON.stringify(before.village_code) !== JSON.stringify(after.village_code) && !!entry.before;
  return keys
    .filter((k) => !HIDDEN.has(camel(k)) || (camel(k) === 'villageCode' && villageChanged))
    .map((k) => ({ field: fieldLabel(k), before: show(k, before[k]), after: show(k, after[k]) }))
    .filter((c) => c.before !== c.after);
}

export function AuditTable({ entries, loading }: { entries: AuditEntry[] | undefined; loading: boolean }) {
  return (
    <Table<AuditEntry>
      rowKey={(e) => String(e.seq)}
      loading={loading}
      dataSource={entries}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      size="small"
      locale={{ emptyText: '暂无变更记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => beijingDateTime(at) },
        { title: '操作人', dataIndex: 'actorName', width: 110 },
        { title: '操作', dataIndex: 'action', width: 130, render: (a: string) => <Tag>{ACTION_NAMES[a] ?? a}</Tag> },
        {
          title: '变更内容',
          key: 'diff',
          render: (_v, e) => {
            const changes = diffEntry(e);
            if (!changes.length) return <Typography.Text type="secondary">无字段变化</Typography.Text>;
            return (
              <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="audit-changes">
                {changes.map((c) => (
                  <li key={c.field}>
                    <b>{c.field}</b>：
                    <Typography.Text delete type="secondary">
                      {c.before}
                    </Typography.Text>{' '}
                    → <Typography.Text>{c.after}</Typography.Text>
                  </li>
                ))}
              </ul>
            );
          },
        },
      ]}
    />
  );
}
