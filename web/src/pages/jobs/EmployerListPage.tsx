// 用人单位: employers registered by the offices (credit code, region, industry, workshop and
// 就业帮扶基地 flags), with their open posts; register a new one. Every office may read every
// employer (a Shenzhen factory hires from many counties), so the list opens on the user's own:
// located in its region or registered by its offices; 全部 searches them all.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type QueryParams, toSearchParams } from '../../api/client.ts';
import { type Employer, type EmployerQuery, listEmployers } from '../../api/employers.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { type Reach, ReachSwitch, useReach } from '../../components/ReachSwitch.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { serverPagination } from '../../lib/pagination.ts';
import { EmployerForm } from './EmployerForm.tsx';
import { industryName } from './job-format.tsx';
import { createEmployer } from './jobs-api.ts';

export function EmployerListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const reach = useReach(params);
  const query: EmployerQuery = {
    region: params.get('region') ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const asked = { ...query, ...reach.asked };
  const list = useQuery({
    queryKey: ['employers', asked],
    queryFn: () => listEmployers(asked),
    placeholderData: keepPreviousData,
  });
  const set = (changes: Partial<EmployerQuery> & Reach['url']) =>
    setParams(toSearchParams({ ...query, ...reach.url, page: 1, ...changes } as QueryParams));
  const mayCreate = me.canWrite && me.role !== 'employer' && me.role !== 'auditor';

  return (
    <PageCard
      title="用人单位"
      extra={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记用人单位
          </Button>
        )
      }
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <ReachSwitch all={reach.all} onChange={(a) => set({ reach: a ? 'all' : undefined })} />
        <Form.Item label="注册地">
          <RegionTreeSelect
            value={query.region}
            onChange={(v) => set({ region: v })}
            allowClear
            placeholder="不限"
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label="搜索">
          <Input.Search
            allowClear
            placeholder="单位名称或信用代码"
            defaultValue={query.q}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} />
      <Table<Employer>
        size="middle"
        rowKey={(r) => String(r.id)}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(query, list.data?.total, '家', set)}
        columns={[
          { title: '单位名称', dataIndex: 'name', render: (n: string, r) => <Link to={`/employers/${r.id}`}>{n}</Link> },
          { title: '统一社会信用代码', dataIndex: 'creditCode' },
          { title: '注册地', key: 'region', render: (_v, r) => r.regionName || r.regionCode },
          { title: '行业', dataIndex: 'industry', render: (i: string) => industryName(i) },
          {
            title: '类型',
            key: 'kind',
            render: (_v, r) => (
              <Space size={4}>
                {r.isWorkshop && <Tag color="orange">帮扶车间</Tag>}
                {r.isBase && <Tag color="green">就业帮扶基地</Tag>}
              </Space>
            ),
          },
          {
            title: '联系人',
            key: 'contact',
            render: (_v, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '-',
          },
          {
            title: '在招岗位',
            dataIndex: 'openJobs',
            align: 'right',
            render: (n: number, r) => <Link to={`/jobs?employer=${r.id}`}>{n}</Link>,
          },
        ]}
      />
      <Modal open={creating} title="登记用人单位" footer={null} width={820} onCancel={() => setCreating(false)} destroyOnHidden>
        <EmployerForm
          defaults={{ regionCode: me.regionCode }}
          submitText="登记"
          onSubmit={async (fields) => {
            const e = await createEmployer(fields);
            void queryClient.invalidateQueries({ queryKey: ['employers'] });
            message.success(`已登记用人单位“${e.name}”`);
            setCreating(false);
            navigate(`/employers/${e.id}`);
          }}
          onCancel={() => setCreating(false)}
        />
      </Modal>
    </PageCard>
  );
}
