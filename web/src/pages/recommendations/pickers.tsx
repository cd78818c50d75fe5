// Multi-pickers for fairs and export batches: laborers of the register (searched by name, ID
// number or initials) and open job posts (searched by title or employer).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listLaborers } from '../../api/laborers.ts';
import { listJobs } from '../jobs/jobs-api.ts';

function useDebounced(text: string) {
  const [v, setV] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setV(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  return v;
}

interface MultiProps {
  value?: string[];
  onChange?: (v: string[]) => void;
  style?: React.CSSProperties;
  id?: string;
  ariaLabel?: string;
}

export function LaborerMultiPicker({ value, onChange, style, id, ariaLabel, region }: MultiProps & { region?: string }) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const hits = useQuery({
    queryKey: ['laborer-pick', q, region],
    queryFn: () => listLaborers({ q, region, pageSize: 20 }),
    enabled: q.length > 0,
  });
  const options = new Map<string, string>();
  for (const v of value ?? []) options.set(v, labels[v] ?? v);
  for (const p of hits.data?.items ?? []) options.set(String(p.id), `${p.name}（${p.idNumber}，${p.villageName}）`);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      mode="multiple"
      showSearch
      filterOption={false}
      style={style}
      value={value}
      onSearch={setTyped}
      loading={hits.isFetching}
      placeholder="输入姓名、身份证号或拼音首字母查找"
      notFoundContent={q ? (hits.isFetching ? '查找中…' : '未找到') : '请输入查找'}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      onChange={(v: string[]) => {
        setLabels((prev) => ({ ...prev, ...Object.fromEntries([...options].filter(([k]) => v.includes(k))) }));
        onChange?.(v);
      }}
    />
  );
}

export function JobMultiPicker({ value, onChange, style, id, ariaLabel }: MultiProps) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const hits = useQuery({
    queryKey: ['jobs', { q, status: 'open', pageSize: 20 }],
    queryFn: () => listJobs({ q: q || undefined, status: 'open', pageSize: 20 }),
  });
  const options = new Map<string, string>();
  for (const v of value ?? []) options.set(v, labels[v] ?? v);
  for (const j of hits.data?.items ?? [])
    options.set(String(j.id), `${j.title}（${j.employerName}，招 ${j.openings - j.filled} 人）`);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      mode="multiple"
      showSearch
      filterOption={false}
      style={style}
      value={value}
      onSearch={setTyped}
      loading={hits.isFetching}
      placeholder="输入岗位或单位名称查找招聘中的岗位"
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      onChange={(v: string[]) => {
        setLabels((prev) => ({ ...prev, ...Object.fromEntries([...options].filter(([k]) => v.includes(k))) }));
        onChange?.(v);
      }}
    />
  );
}
