// Parts of a 政策找人 run's list shared by the person, workshop and employer lists: the export
// button, the village filter and the conclusions a unit's row can have.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Form } from 'antd';
import { download } from '../../api/client.ts';
import { type FindFilter, type FindRun, type FindUnitStatus, findRunExportUrl } from '../../api/rules.ts';
import { STATUS_COLORS } from '../../components/DecisionView.tsx';
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
export const UNIT_STATUS_COLORS: Record<FindUnitStatus, string> = {
  eligible: STATUS_COLORS.eligible,
  amount_not_set: STATUS_COLORS.amount_not_set,
  incomplete: 'orange',
};
export const UNIT_STATUS_OPTIONS: { value: FindUnitStatus; label: string }[] = [
  { value: 'eligible', label: '符合' },
  { value: 'amount_not_set', label: '符合，金额待定' },
  { value: 'incomplete', label: '待核实' },
];
