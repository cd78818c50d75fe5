// Parts of a 政策找人 run's list shared by the person, workshop and employer lists: the export
// button, the village filter and the conclusions a unit's row can have.
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { download } from '../../api/client.ts';
import { type FindFilter, type FindRun, type FindUnitStatus, findRunExportUrl, findRunResults } from '../../api/rules.ts';
import { amountText, STATUS_COLORS } from '../../components/DecisionView.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';

/** Downloads the run's list (or one village's, one conclusion's) as the server writes it for the run's subject. */
export function ExportButton({ run, filter }: { run: FindRun; filter: FindFilter }) {
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      onClick={() =>
        download(findRunExportUrl(run.id, filter), `政策找人名单-${String(run.id)}.xlsx`).catch((e: Error) =>
          message.error(e.message),
        )
      }
    >
      导出名单（Excel）
    </Button>
  );
}

/** Filters a run's list to a township or village inside the run's region. */
export function VillageFilter({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  return (
    <Form.Item label="只看乡镇或村">
      <RegionTreeSelect value={value} onChange={onChange} allowClear placeholder="批次区划内全部" style={{ width: 260 }} />
    </Form.Item>
  );
}

/** Where a unit (workshop, employer) on a run's list stands. */
const UNIT_STATUS_COLORS: Record<FindUnitStatus, string> = {
  eligible: STATUS_COLORS.eligible,
  amount_not_set: STATUS_COLORS.amount_not_set,
  incomplete: 'orange',
};
const UNIT_STATUS_OPTIONS: { value: FindUnitStatus; label: string }[] = [
  { value: 'eligible', label: '符合' },
  { value: 'amount_not_set', label: '符合，金额待定' },
  { value: 'incomplete', label: '待核实' },
];

/**
 * The list of a unit run (workshops, employers): its page of results and the form above it that
 * filters by village and conclusion and exports what the filter shows.
 */
export function useUnitList(run: FindRun) {
  const [village, setVillage] = useState<string | undefined>();
  const [status, setStatus] = useState<FindUnitStatus | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const filter: FindFilter = {
    ...(village && village !== run.region ? { village } : {}),
    ...(status ? { status } : {}),
  };
  const results = useQuery({
    queryKey: ['find-results', String(run.id), filter, page],
    queryFn: () => findRunResults(run.id, { ...filter, ...page }),
    placeholderData: keepPreviousData,
  });
  const firstPage = () => setPage((p) => ({ ...p, page: 1 }));
  const form: ReactNode = (
    <Form layout="inline" style={{ margin: '16px 0 12px' }}>
      <VillageFilter
        value={village}
        onChange={(v) => {
          setVillage(v);
          firstPage();
        }}
      />
      <Form.Item label="结论" htmlFor="find-status">
        <Select<FindUnitStatus>
          id="find-status"
          value={status}
          onChange={(v) => {
            setStatus(v);
            firstPage();
          }}
          allowClear
          placeholder="全部"
          options={UNIT_STATUS_OPTIONS}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item>
        <ExportButton run={run} filter={filter} />
      </Form.Item>
    </Form>
  );
  return { results, page, setPage, form };
}

/** What a unit's row says the engine concluded (src/modules/rules/find-workshop-list.ts `conclusionOf`). */
interface Concluded {
  status: FindUnitStatus;
  statusName: string;
  amountFen: number | null;
  maxAmountFen: number | null;
  missingFacts: string[];
  message: string;
}

/**
 * The last columns of a unit list: 结论, 金额, 待核实事项, 说明, and 代为申报 opening the claim form
 * with what `apply` gives for the row (the unit, the laborer where there is one) on the run's date.
 */
export function conclusionColumns<T extends Concluded>(
  run: FindRun,
  apply: (row: T) => Record<string, string>,
  missingWidth: number,
): ColumnsType<T> {
  return [
    {
      title: '结论',
      key: 'status',
      width: 100,
      render: (_v, r) => <Tag color={UNIT_STATUS_COLORS[r.status]}>{r.statusName}</Tag>,
    },
    {
      title: '金额',
      key: 'amount',
      width: 100,
      render: (_v, r) => (r.status === 'incomplete' ? '核实后确定' : amountText(r)),
    },
    {
      title: '待核实事项',
      key: 'missing',
      width: missingWidth,
      render: (_v, r) => (r.missingFacts.length > 0 ? r.missingFacts.join('、') : '-'),
    },
    { title: '说明', dataIndex: 'message' },
    {
      title: '',
      key: 'apply',
      width: 90,
      fixed: 'right',
      render: (_v, r) => (
        <Link to={`/claims/new?${new URLSearchParams({ rule: run.rule, ...apply(r), date: run.date })}`}>代为申报</Link>
      ),
    },
  ];
}
