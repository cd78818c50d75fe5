// 资金台账: balances per fund, region and year derived from the append-only ledger (decided,
// approved, paid net of bank returns and recoveries, failed, awaiting payment), its entries
// (reversals named by their cause), and the report of what was paid in a period under which
// rule and article, with the amounts returned and recovered in it.
import { FUND_NAMES, FUND_SOURCES } from '@domain/rules/types.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, InputNumber, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Balance, getLedger, getReport, type LedgerItem, type ReportRow } from '../../api/claims.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';
import { yuan } from '../../lib/format.ts';
import { serverPagination } from '../../lib/pagination.ts';

const money = (f: number) => yuan(f);

function Report() {
  // Ledger entries are dated in Asia/Shanghai: the default period ends on that day, not the browser's.
  const today = todayDayjs();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.startOf('year'), today]);
  const q = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const report = useQuery({ queryKey: ['ledger', 'report', q], queryFn: () => getReport(q) });
  return (
    <PageCard
      title="拨付报表（按政策条款）"
      extra={
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
      }
    >
      <ErrorAlert error={report.error} />
      <Table<ReportRow>
        size="small"
        data-testid="ledger-report"
        rowKey={(r) => `${r.rule}/${r.article}`}
        loading={report.isFetching}
        dataSource={report.data?.items}
        pagination={false}
        summary={() =>
          report.data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                合计
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {money(report.data.returnedFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {money(report.data.recoveredFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {money(report.data.totalFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
        columns={[
          {
            title: '补贴项目',
            key: 'rule',
            render: (_v, r) => <Link to={`/rules/${r.rule}`}>{`${r.rule} ${r.ruleTitle}`}</Link>,
          },
          { title: '文件', key: 'doc', render: (_v, r) => r.documentNumber || r.document },
          {
            title: '条款',
            dataIndex: 'article',
            render: (a: string, r) => (
              <Tooltip title={r.articleText}>
                <Typography.Text underline>{a}</Typography.Text>
              </Tooltip>
            ),
          },
          { title: '笔数', dataIndex: 'count', align: 'right' },
          { title: '资金退回', dataIndex: 'returnedFen', align: 'right', render: money },
          { title: '违规追回', dataIndex: 'recoveredFen', align: 'right', render: money },
          { title: '拨付金额（扣除退回、追回）', dataIndex: 'paidFen', align: 'right', render: money },
        ]}
      />
    </PageCard>
  );
}

export function LedgerPage() {
  const [year, setYear] = useState<number | undefined>();
  const [fund, setFund] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = { year, fund, ...page };
  const ledger = useQuery({ queryKey: ['ledger', q], queryFn: () => getLedger(q), placeholderData: keepPreviousData });

  return (
    <>
      <PageCard title="资金台账">
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label="年度">
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? undefined)} placeholder="全部" />
          </Form.Item>
          <Form.Item label="资金来源">
            <Select
              allowClear
              style={{ width: 180 }}
              value={fund}
              onChange={setFund}
              placeholder="全部"
              options={FUND_SOURCES.map((f) => ({ value: f, label: FUND_NAMES[f] }))}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => void ledger.refetch()}>刷新</Button>
          </Form.Item>
        </Form>
        <ErrorAlert error={ledger.error} />
        <Table<Balance>
          size="small"
          data-testid="ledger-balances"
          rowKey={(b) => `${b.fund}/${b.region}/${b.year}`}
          loading={ledger.isFetching}
          dataSource={ledger.data?.balances}
          pagination={false}
          style={{ marginBottom: 16 }}
          columns={[
            { title: '资金来源', dataIndex: 'fundName' },
            { title: '地区', key: 'region', render: (_v, b) => <RegionCell code={b.region} name={b.regionName} /> },
            { title: '年度', dataIndex: 'year' },
            { title: '核定', dataIndex: 'decidedFen', align: 'right', render: money },
            { title: '应拨付（公示通过）', dataIndex: 'approvedFen', align: 'right', render: money },
            { title: '已拨付（扣除退回、追回）', dataIndex: 'paidFen', align: 'right', render: money },
            { title: '资金退回', dataIndex: 'returnedFen', align: 'right', render: money },
            { title: '违规追回', dataIndex: 'recoveredFen', align: 'right', render: money },
            { title: '拨付失败', dataIndex: 'failedFen', align: 'right', render: money },
            { title: '待拨付', dataIndex: 'awaitingFen', align: 'right', render: money },
          ]}
        />
        <Typography.Title level={5}>台账明细</Typography.Title>
        <Table<LedgerItem>
          size="small"
          rowKey={(e) => String(e.id)}
          dataSource={ledger.data?.entries.items}
          pagination={serverPagination(page, ledger.data?.entries.total, '条', setPage)}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            {
              title: '类别',
              dataIndex: 'kindName',
              render: (n: string, e) => (e.cause ? <Tag color={e.cause === 'recovery' ? 'magenta' : 'warning'}>{n}</Tag> : n),
            },
            {
              title: '申请',
              key: 'claim',
              render: (_v, e) =>
                e.claimId ? (
                  <Link to={`/claims/${e.claimId}`}>{`${e.claimNumber ?? e.claimId} ${e.beneficiaryName ?? ''}`}</Link>
                ) : (
                  '-'
                ),
            },
            { title: '资金来源', dataIndex: 'fundName' },
            { title: '地区', key: 'region', render: (_v, e) => <RegionCell code={e.region} name={e.regionName} /> },
            { title: '规则', dataIndex: 'rule' },
            { title: '依据', key: 'cite', render: (_v, e) => `${e.document} ${e.article}` },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: money },
          ]}
        />
      </PageCard>
      <Report />
    </>
  );
}

/** A region by its name, with the code beside it (the code alone when the name is unknown). */
function RegionCell({ code, name }: { code: string; name: string | null }) {
  if (!name) return <>{code}</>;
  return (
    <>
      {name} <Typography.Text type="secondary">{code}</Typography.Text>
    </>
  );
}
