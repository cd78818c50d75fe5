// Picks a code of the occupational classification (职业分类大典) by code, name or keyword,
// searched on the server (GET /api/occupations?q=).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { searchOccupations } from './jobs-api.ts';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  style?: React.CSSProperties;
  allowClear?: boolean;
  id?: string;
}

export function OccupationSelect({ value, onChange, style, allowClear, id }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const hits = useQuery({ queryKey: ['occupations', q], queryFn: () => searchOccupations(q), staleTime: 300_000 });
  // The chosen code's own entry, so that its name shows before anything is searched.
  const chosen = useQuery({
    queryKey: ['occupations', value],
    queryFn: () => searchOccupations(value as string),
    enabled: !!value,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const options = new Map<string, string>();
  for (const o of [...(chosen.data ?? []).filter((o) => o.code === value), ...(hits.data ?? [])]) {
    options.set(o.code, `${o.code} ${o.name}${o.path.length ? `（${o.path.join(' / ')}）` : ''}`);
  }
  return (
    <Select
      id={id}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      placeholder="输入代码、名称或关键词"
      style={style}
      value={value}
      onSearch={setTyped}
      onChange={(v?: string) => onChange?.(v)}
      loading={hits.isFetching}
      notFoundContent={hits.isFetching ? '查找中…' : '职业分类中没有找到'}
      options={[...options].map(([code, label]) => ({ value: code, label }))}
    />
  );
}
