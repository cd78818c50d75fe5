// The subsidies an export batch earns on a chosen date (出发满3个月、6个月): each member's
// decisions under the export-service and job-seeking rules, with the article, and a link to
// apply with the batch's facts filled in.
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageCard } from '../../components/PageCard.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';
import { type ExportSubsidies, type ExportSubsidyDecision, getExportSubsidies } from './recommendations-api.ts';

const STATUS_COLORS: Record<ExportSubsidyDecision['status'], string> = {
  eligible: 'green',
  not_eligible: 'red',
  not_in_force: 'default',
  amount_not_set: 'orange',
  incomplete: 'gold',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The rules not in force on the chosen date, each with the day its document expired (or began). */
function OutOfPeriod({ data }: { data: ExportSubsidies }) {
  if (data.outOfPeriod.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`测算日期 ${data.date} 不在以下政策的有效期内，这些补贴无法按该日期测算；可改选有效期内的测算日期`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {data.outOfPeriod.map((r) => (
            <li key={r.rule}>
              {r.rule} {r.title}：{r.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function DecisionTag({ d, personId, region }: { d: ExportSubsidyDecision; personId: string; region: string }) {
  const amount =
    d.amountFen !== null ? ` ${yuan(d.amountFen)} 元` : d.maxAmountFen !== null ? ` 最高 ${yuan(d.maxAmountFen)} 元` : '';
  const cites = d.citations.map((c) => `${c.document} ${c.article}`).join('；');
  return (
    <Space size={4} wrap>
      <Tooltip title={`${d.message}${cites ? `（依据：${cites}）` : ''}`}>
        <Tag color={STATUS_COLORS[d.status]}>
          {d.rule} {d.statusName}
          {amount}
        </Tag>
      </Tooltip>
      {d.status === 'eligible' && d.subject === 'person' && (
        <Link to={`/claims/new?rule=${d.rule}&personId=${personId}&region=${region}`}>申报</Link>
      )}
    </Space>
  );
}

export function ExportSubsidiesCard({ batchId, departureDate }: { batchId: string; departureDate: string }) {
  const today = todayDayjs();
  const threeMonths = dayjs(departureDate).add(3, 'month');
  const [date, setDate] = useState(threeMonths.isAfter(today, 'day') ? today : threeMonths);
  const [filed, setFiled] = useState(false);
  const q = useQuery<ExportSubsidies>({
    queryKey: ['export-subsidies', batchId, date.format('YYYY-MM-DD'), filed],
    queryFn: () => getExportSubsidies(batchId, { date: date.format('YYYY-MM-DD'), organizerFiled: filed || undefined }),
  });
  return (
    <PageCard
      title="输出补贴测算"
      extra={
        <Space>
          <DatePicker
            aria-label="测算日期"
            value={date}
            allowClear={false}
            disabledDate={(d) => d.isAfter(today, 'day')}
            onChange={(d) => d && setDate(d)}
          />
          <Checkbox checked={filed} onChange={(e) => setFiled(e.target.checked)}>
            组织者已备案
          </Checkbox>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        按每人出发后在岗的整月数测算有组织劳务输出的服务补贴（给组织者）和求职创业补贴（给本人），只列出本人所在地适用的政策；
        组织者是否备案由经办人确认。
      </Typography.Paragraph>
      {q.data && <OutOfPeriod data={q.data} />}
      {(q.data?.totals.length ?? 0) > 0 && (
        <Space style={{ marginBottom: 12 }} wrap>
          {q.data?.totals.map((t) => (
            <Tag key={t.rule} color="green">
              {t.rule} {t.title}：{t.eligible} 人，{t.amountYuan} 元
            </Tag>
          ))}
        </Space>
      )}
      {q.data?.totals.some((t) => t.sharesLimitWith.length > 0) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${q.data.totals
            .filter((t) => t.sharesLimitWith.length > 0)
            .map((t) => t.rule)
            .join('、')} 补助的是同一次输出，同一人只能享受其中一项：各项合计只能择一申领，不能相加`}
        />
      )}
      <Table
        size="small"
        loading={q.isPending}
        rowKey={(i) => String(i.personId)}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          {
            title: '补贴判定',
            render: (_, i) =>
              i.decisions.length === 0 ? (
                <Typography.Text type="secondary">本人所在地无适用的输出补贴政策</Typography.Text>
              ) : (
                <Space direction="vertical" size={2}>
                  {i.decisions.map((d) => (
                    <DecisionTag key={d.rule} d={d} personId={String(i.personId)} region={i.villageCode} />
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </PageCard>
  );
}
