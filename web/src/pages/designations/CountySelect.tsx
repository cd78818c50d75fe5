// Picks county-level regions of one province, grouped by city, searchable by name or code:
// the counties of a 贫困县 or 深度贫困县 list. Loads the province's cities, then their children.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { getRegionChildren } from '../../api/regions.ts';

interface Props {
  province: string;
  /** Counties not to offer (already on the list). */
  exclude?: readonly string[];
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
}

const COUNTY_DIGITS = 6;

async function provinceCounties(province: string) {
  const cities = await getRegionChildren(province);
  return Promise.all(
    cities.map(async (city) => ({
      city,
      counties:
        city.code.length === COUNTY_DIGITS
          ? [city]
          : (await getRegionChildren(city.code)).filter((c) => c.code.length === COUNTY_DIGITS),
    })),
  );
}

export function CountySelect({ province, exclude = [], value, onChange, id }: Props) {
  const q = useQuery({
    queryKey: ['region', province, 'counties'],
    queryFn: () => provinceCounties(province),
    enabled: /^\d{2}$/.test(province),
    staleTime: 10 * 60_000,
  });
  const skip = new Set(exclude);
  const options = (q.data ?? [])
    .map(({ city, counties }) => ({
      label: city.name,
      title: city.name,
      options: counties.filter((c) => !skip.has(c.code)).map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` })),
    }))
    .filter((g) => g.options.length > 0);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={q.isFetching}
      status={q.error ? 'error' : undefined}
      notFoundContent={q.error ? q.error.message : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder="输入县名或代码查找，可多选"
      style={{ width: '100%' }}
    />
  );
}
