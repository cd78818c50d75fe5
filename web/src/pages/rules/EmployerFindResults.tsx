// The list of a 政策找单位 run: each employer of the region with the laborers of the register the
// claim could be for (岗位补贴, 社保补贴), their months in post, the conclusion and what the office
// must verify (the contract, the employer's own situation) before helping the employer apply,
// one laborer at a time. Employers are called on by the office, so no policy notice is sent.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type FindEmployerItem, type FindFilter, type FindRun, type FindUnitStatus, findRunResults } from '../../api/rules.ts';
import { amountText } from '../../components/DecisionView.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { serverPagination } from '../../lib/pagination.ts';
import { ExportButton, UNIT_STATUS_COLORS, UNIT_STATUS_OPTIONS, VillageFilter } from './find-list-parts.tsx';

export function EmployerFindResults({ run }: { run: FindRun }) {
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
  return (
    <>
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
      <Typography.Paragraph type="secondary">
        名单中是用人单位及其台账在岗劳动力（按已关联本单位的就业经历），不发送政策告知：请按联系人和电话联系单位，核实劳动合同等待核实事项后，逐人代为申报或指导单位自行申报。
      </Typography.Paragraph>
      <ErrorAlert error={results.error} />
      <Table<FindEmployerItem>
        size="small"
        rowKey={(r) => `${String(r.employerId)}-${String(r.personId)}`}
        loading={results.isFetching}
        dataSource={results.data?.employers}
        scroll={{ x: 1500 }}
        pagination={serverPagination(page, results.data?.total, '名劳动力符合或可能符合条件且未申领', setPage)}
        columns={[
          {
            title: '用人单位',
            dataIndex: 'employerName',
            width: 180,
            render: (n: string, r) => <Link to={`/employers/${r.employerId}`}>{n}</Link>,
          },
          {
            title: '联系人/电话',
            key: 'contact',
            width: 130,
            render: (_v, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '-',
          },
          {
            title: '劳动力',
            dataIndex: 'name',
            width: 90,
            render: (n: string, r) => <Link to={`/laborers/${r.personId}`}>{n}</Link>,
          },
          { title: '身份证号', dataIndex: 'idNumber', width: 170 },
          { title: '所在村（社区）', key: 'village', width: 150, render: (_v, r) => r.villageName || r.villageCode },
          { title: '在岗月数', dataIndex: 'monthsInPost', width: 80, align: 'right' },
          {
            title: '结论',
            key: 'status',
            width: 90,
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
            width: 200,
            render: (_v, r) => (r.missingFacts.length > 0 ? r.missingFacts.join('、') : '-'),
          },
          { title: '说明', dataIndex: 'message' },
          {
            title: '',
            key: 'apply',
            width: 90,
            fixed: 'right' as const,
            render: (_v, r) => (
              <Link
                to={`/claims/new?${new URLSearchParams({
                  rule: run.rule,
                  subjectName: r.employerName,
                  subjectKey: r.creditCode,
                  personId: String(r.personId),
                  region: r.employerRegion,
                  date: run.date,
                })}`}
              >
                代为申报
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
