import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { FindEmployerItem, FindRun } from '../../api/rules.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { serverPagination } from '../../lib/pagination.ts';
import { conclusionColumns, useUnitList } from './find-list-parts.tsx';

export function EmployerFindResults({ run }: { run: FindRun }) {
  const { results, page, setPage, form } = useUnitList(run);
  return (
    <>
      {form}
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
          ...conclusionColumns<FindEmployerItem>(
            run,
            (r) => ({
              subjectName: r.employerName,
              subjectKey: r.creditCode,
              personId: String(r.personId),
              region: r.employerRegion,
            }),
            200,
          ),
        ]}
      />
    </>
  );
}
