// 政策找人: the people of a region who qualify for the rule on the register's facts and have
// no live claim in its limit window, with the amount (or the most it can be).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { type FindItem, findPersons, type RuleInfo } from '../../api/rules.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { amountText, StatusTag } from '../../components/DecisionView.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';

export function PolicyFindPanel({ rule }: { rule: RuleInfo }) {
  const me = useMe();
  const [region, setRegion] = useState<string | undefined>(me.regionCode);
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [asked, setAsked] = useState(false);
  const query = { region, date, ...page };
  const found = useQuery({
    queryKey: ['rule-find', rule.id, query],
    queryFn: () => findPersons(rule.id, query),
    enabled: asked && rule.subject === 'person',
    placeholderData: keepPreviousData,
  });
  if (rule.subject !== 'person') return <ErrorAlert error={new Error('政策找人只适用于以劳动力个人为对象的规则')} />;

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="区划">
          <RegionTreeSelect value={region} onChange={setRegion} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item label="日期">
          <DatePicker value={dayjs(date)} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} allowClear={false} />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            onClick={() => {
              setPage((p) => ({ ...p, page: 1 }));
              setAsked(true);
            }}
          >
            查找符合条件的人
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={found.error} />
      {asked && (
        <Table<FindItem>
          size="small"
          rowKey={(r) => String(r.personId)}
          loading={found.isFetching}
          dataSource={found.data?.items}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: found.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 人符合条件且本期未申领`,
            onChange: (p, ps) => setPage({ page: ps === page.pageSize ? p : 1, pageSize: ps }),
          }}
          columns={[
            { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Link to={`/laborers/${r.personId}`}>{n}</Link> },
            { title: '身份证号', dataIndex: 'idNumber' },
            { title: '所在村', key: 'village', render: (_v, r) => r.villageName ?? r.villageCode },
            { title: '结论', dataIndex: 'status', render: (s: FindItem['status']) => <StatusTag status={s} /> },
            { title: '金额', key: 'amount', render: (_v, r) => amountText(r) },
            {
              title: '',
              key: 'apply',
              render: (_v, r) => (
                <Space>
                  <Link to={`/claims/new?rule=${rule.id}&personId=${r.personId}&region=${r.villageCode}`}>代为申报</Link>
                </Space>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
