// 务工单位 as free text with the registered employers suggested as the officer types
// (GET /api/employers?q=, debounced, from 2 characters): picking one fills the exact
// registered name and tells the form which employer it is (its credit code links the spell).
// 政策找人 counts a 帮扶车间's laborers by the spells linked to it, else by its registered name,
// so for channel 帮扶车间 only workshops and 就业帮扶基地 (which rules admitting bases count the
// same way) are suggested and the form learns whether the typed name is one of them.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Employer, listEmployers } from '../api/employers.ts';

/** Suggestions start at this many characters (one would match half the register). */
const SUGGEST_FROM = 2;
const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

export interface EmployerSuggestions {
  /** The employers to suggest for the text typed now (empty below 2 characters). */
  employers: Employer[];
  searching: boolean;
  /**
   * Workshops only: the typed name is known to match no registered workshop exactly. False
   * while the look-up is pending, failed, or returned too many names to be sure.
   */
  unknownWorkshop: boolean;
}

/** The registered employers (only workshops and bases if `workshopsOnly`) whose name contains `typed`. */
export function useEmployerSuggestions(typed: string | undefined, workshopsOnly: boolean): EmployerSuggestions {
  const text = (typed ?? '').trim();
  const [q, setQ] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setQ(text), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);
  const query = { q, pageSize: PAGE_SIZE, ...(workshopsOnly ? { carrier: true } : {}) };
  const hits = useQuery({
    queryKey: ['employers', query],
    queryFn: () => listEmployers(query),
    // A one-character workshop name is checked too, though nothing is suggested for it.
    enabled: q.length >= (workshopsOnly ? 1 : SUGGEST_FROM),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const current = q === text && hits.isSuccess && !hits.isPlaceholderData ? hits.data : undefined;
  return {
    employers: text.length >= SUGGEST_FROM ? (hits.data?.items ?? []) : [],
    searching: hits.isFetching,
    unknownWorkshop:
      workshopsOnly &&
      current !== undefined &&
      current.total <= current.items.length &&
      !current.items.some((e) => e.name.trim() === text),
  };
}

interface Props {
  suggestions: EmployerSuggestions;
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** A registered employer was picked from the list. */
  onPick?: (employer: Employer) => void;
}

export function EmployerNameInput({ suggestions, id, value, onChange, onPick }: Props) {
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      onSelect={(_v: string, option: { key?: string | number | null }) => {
        const picked = suggestions.employers.find((e) => String(e.id) === String(option.key));
        if (picked) onPick?.(picked);
      }}
      allowClear
      placeholder="输入单位名称，可从已登记的用人单位中选择"
      showSearch={{ filterOption: false }}
      options={suggestions.employers.map((e) => ({
        key: String(e.id),
        value: e.name,
        label: (
          <Space orientation="vertical" size={0}>
            <span>{e.name}</span>
            <Space size={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.creditCode}
              </Typography.Text>
              {e.isWorkshop && <Tag color="green">帮扶车间</Tag>}
              {e.isBase && <Tag color="blue">就业帮扶基地</Tag>}
            </Space>
          </Space>
        ),
      }))}
    />
  );
}
