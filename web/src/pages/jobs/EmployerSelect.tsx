// Picks an employer by name or credit code (GET /api/employers?q=).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listEmployers } from '../../api/employers.ts';
import type { Id } from '../../api/types.ts';
import { getEmployer } from './jobs-api.ts';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  style?: React.CSSProperties;
  allowClear?: boolean;
  id?: string;
}

export function EmployerSelect({ value, onChange, style, allowClear, id }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const hits = useQuery({
    queryKey: ['employers', { q, pageSize: 20 }],
    queryFn: () => listEmployers({ q: q || undefined, pageSize: 20 }),
  });
  const chosen = useQuery({
    queryKey: ['employer', value],
    queryFn: () => getEmployer(value as Id),
    enabled: !!value,
    staleTime: 60_000,
  });
  const options = new Map<string, string>();
  for (const e of [...(chosen.data ? [chosen.data] : []), ...(hits.data?.items ?? [])]) {
    options.set(String(e.id), `${e.name}（${e.creditCode}）`);
  }
  return (
    <Select
      id={id}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      placeholder="输入单位名称或统一社会信用代码"
      style={style}
      value={value}
      onSearch={setTyped}
      onChange={(v?: string) => onChange?.(v)}
      loading={hits.isFetching}
      notFoundContent={hits.isFetching ? '查找中…' : '没有找到，请先登记用人单位'}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
    />
  );
}
