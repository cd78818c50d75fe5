// One employer: its record (edit in place), its job posts, and the logins through which it
// posts jobs itself (opened by the office of its region).
import { DownloadOutlined, EditOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { organizationKind } from '@domain/jobs/credit-code.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Result, Skeleton, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type ApiError, download } from '../../api/client.ts';
import { getRules } from '../../api/rules.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { yesNo, yuan } from '../../lib/format.ts';
import { EmployerForm } from './EmployerForm.tsx';
import { boardText, industryName, JobStatusTag, wageRange } from './job-format.tsx';
import {
  createEmployerAccount,
  type EmployerDetail,
  type EmployerLaborer,
  getEmployer,
  getEmployerLaborers,
  type Job,
  linkSpellsByName,
  listJobs,
  updateEmployer,
} from './jobs-api.ts';

/**
 * The register's laborers working at the employer now, by the employment records linked to it:
 * who its post, absorption and social insurance subsidies could be for. Officers only.
 */
function Laborers({ employer, mayApply }: { employer: EmployerDetail; mayApply: boolean }) {
  const employerId = String(employer.id);
  const q = useQuery({ queryKey: ['employer-laborers', employerId], queryFn: () => getEmployerLaborers(employerId) });
  const rules = useQuery({ queryKey: ['rules'], queryFn: getRules, staleTime: 60_000, enabled: mayApply });
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const link = useMutation<{ linked: number }, ApiError, number>({
    mutationFn: (expected) => linkSpellsByName(employerId, expected),
    onSuccess: (r) => {
      message.success(`已关联 ${r.linked} 条就业经历`);
      void queryClient.invalidateQueries({ queryKey: ['employer-laborers', employerId] });
    },
    onError: (e) => message.error(e.message),
  });
  // The employer rules that name one laborer (岗位补贴, 社保补贴…) in force where it is registered:
  // when there is one, the application opens on it.
  const perLaborer = (rules.data?.rules ?? []).filter(
    (r) => r.subject === 'employer' && r.namesLaborer && employer.regionCode.startsWith(r.region),
  );
  const applyLink = (r: EmployerLaborer) =>
    `/claims/new?${new URLSearchParams({
      ...(perLaborer.length === 1 ? { rule: perLaborer[0]?.id ?? '' } : {}),
      subjectName: employer.name,
      subjectKey: employer.creditCode,
      personId: String(r.id),
      region: employer.regionCode,
    })}`;
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  const d = q.data;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          d
            ? `截至 ${d.date}，您辖区台账中在本单位就业的劳动力 ${d.total} 人，其中脱贫户成员 ${d.poor} 人${
                d.total > d.items.length ? `（下表列出在岗最久的 ${d.items.length} 人）` : ''
              }`
            : '正在统计…'
        }
        description="按已关联本单位（统一社会信用代码）的就业经历统计；只写了单位名称、未关联的就业经历不在此列，可在劳动力详情中修改该经历并选择本单位。"
      />
      {d && d.unlinkedSameName > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unlinked-same-name"
          title={`您辖区台账中另有 ${d.unlinkedSameName} 名劳动力的当前就业经历写作“${employer.name}”，但未关联本单位`}
          description={
            d.employersSameName > 1
              ? `另有 ${d.employersSameName - 1} 个登记单位与本单位同名，不能按名称关联：请在各劳动力的就业经历中选择具体单位。`
              : '关联后这些劳动力计入本单位（政策找单位、在岗劳动力），每条关联记入该劳动力的变更记录。'
          }
          action={
            mayApply &&
            d.employersSameName <= 1 && (
              <Popconfirm
                title={`将这 ${d.unlinkedSameName} 条就业经历关联到“${employer.name}”？`}
                okText="关联"
                cancelText="取消"
                onConfirm={() => link.mutate(d.unlinkedSameName)}
              >
                <Button size="small" loading={link.isPending}>
                  关联这些就业经历
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
      {d && d.total > 0 && (
        <Button
          icon={<DownloadOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() =>
            download(`/api/employers/${employerId}/laborers.xlsx`, `在岗劳动力-${employerId}-${d.date}.xlsx`).catch((e: Error) =>
              message.error(e.message),
            )
          }
        >
          导出在岗劳动力（Excel）
        </Button>
      )}
      <Table<EmployerLaborer>
        size="small"
        rowKey={(r) => String(r.spellId)}
        loading={q.isFetching}
        dataSource={d?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '台账中暂无关联本单位的在岗劳动力' }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (t: string, r) => <Link to={`/laborers/${r.id}`}>{t}</Link> },
          { title: '身份证号', dataIndex: 'idNumber' },
          { title: '性别', dataIndex: 'sex' },
          { title: '年龄', dataIndex: 'age', align: 'right' },
          { title: '村', key: 'village', render: (_v, r) => r.villageName || r.villageCode },
          { title: '户类型', dataIndex: 'householdType' },
          { title: '就业渠道', dataIndex: 'channel', render: (c: string) => <Tag color="blue">{c}</Tag> },
          { title: '到岗日期', dataIndex: 'startDate' },
          { title: '在岗月数', dataIndex: 'monthsThere', align: 'right' },
          { title: '月收入', key: 'income', align: 'right', render: (_v, r) => yuan(r.monthlyIncomeFen) },
          {
            title: '参保',
            dataIndex: 'insured',
            render: (b: boolean) => (b ? <Tag color="cyan">已参保</Tag> : <Tag>未参保</Tag>),
          },
          ...(mayApply
            ? [
                {
                  title: '操作',
                  key: 'apply',
                  render: (_v: unknown, r: EmployerLaborer) => <Link to={applyLink(r)}>代为申报</Link>,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function Accounts({ employer }: { employer: EmployerDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ username: string; password: string; displayName?: string }>();
  const create = useMutation<unknown, ApiError, { username: string; password: string; displayName?: string }>({
    mutationFn: (a) => createEmployerAccount(employer.id, a),
    onSuccess: () => {
      message.success('已开设单位账号');
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['employer', String(employer.id)] });
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['username', 'password', 'displayName']);
      if (rest.length || !e.problems.length) message.error(e.message);
    },
  });
  return (
    <>
      <Table
        size="small"
        rowKey={(a) => String(a.id)}
        dataSource={employer.accounts}
        pagination={false}
        locale={{ emptyText: '尚未开设单位账号' }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '显示名称', dataIndex: 'displayName' },
          {
            title: '状态',
            dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>),
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          rules={[
            { required: true, message: '请填写初始密码' },
            { min: 8, message: '至少8位' },
          ]}
        >
          <Input.Password style={{ width: 160 }} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="displayName" label="显示名称">
          <Input style={{ width: 180 }} placeholder={employer.name} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            开设单位账号
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

export function EmployerDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const employer = useQuery({ queryKey: ['employer', id], queryFn: () => getEmployer(id) });
  const jobs = useQuery({
    queryKey: ['jobs', { employer: id, pageSize: 100 }],
    queryFn: () => listJobs({ employer: id, pageSize: 100 }),
  });

  if (employer.isPending) return <Skeleton active />;
  if (employer.isError) {
    return (
      <Result
        status={(employer.error as ApiError).status === 404 ? '404' : 'error'}
        title={employer.error.message}
        extra={<Button onClick={() => navigate('/employers')}>返回用人单位</Button>}
      />
    );
  }
  const e = employer.data;
  const self = me.role === 'employer';
  const mayEdit = self || me.canWrite;
  const mayPost = self || (me.canWrite && me.role !== 'auditor');

  return (
    <PageCard
      title={`用人单位 · ${e.name}`}
      extra={
        <Space>
          <Button icon={<RollbackOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
          {mayPost && (
            <Button icon={<PlusOutlined />} onClick={() => navigate(`/jobs/new?employer=${e.id}`)}>
              发布岗位
            </Button>
          )}
          {mayEdit && !editing && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
          )}
        </Space>
      }
    >
      {editing ? (
        <EmployerForm
          employer={e}
          selfEdit={self}
          submitText="保存修改"
          onSubmit={async (fields) => {
            const updated = await updateEmployer(id, e.version, fields);
            queryClient.setQueryData(['employer', id], { ...e, ...updated });
            void queryClient.invalidateQueries({ queryKey: ['employers'] });
            message.success('已保存');
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Tabs
          items={[
            {
              key: 'info',
              label: '单位信息',
              children: (
                <Descriptions bordered size="small" column={2}>
                  <Descriptions.Item label="单位名称">{e.name}</Descriptions.Item>
                  <Descriptions.Item label="统一社会信用代码">{e.creditCode}</Descriptions.Item>
                  <Descriptions.Item label="机构类别（按信用代码）">{organizationKind(e.creditCode).kind}</Descriptions.Item>
                  <Descriptions.Item label="注册地">
                    {e.regionName ? `${e.regionName}（${e.regionCode}）` : e.regionCode}
                  </Descriptions.Item>
                  <Descriptions.Item label="行业门类">{industryName(e.industry)}</Descriptions.Item>
                  <Descriptions.Item label="帮扶车间">{yesNo(e.isWorkshop)}</Descriptions.Item>
                  <Descriptions.Item label="就业帮扶基地">{yesNo(e.isBase)}</Descriptions.Item>
                  <Descriptions.Item label="联系人">{e.contactName || '-'}</Descriptions.Item>
                  <Descriptions.Item label="联系电话">{e.contactPhone || '-'}</Descriptions.Item>
                  <Descriptions.Item label="登记单位（区划）">{e.officeCode ?? '-'}</Descriptions.Item>
                  <Descriptions.Item label="地址">{e.address || '-'}</Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'jobs',
              label: `岗位（${jobs.data?.total ?? '-'}）`,
              children: (
                <Table<Job>
                  size="small"
                  rowKey={(r) => String(r.id)}
                  loading={jobs.isFetching}
                  dataSource={jobs.data?.items}
                  pagination={false}
                  columns={[
                    { title: '岗位名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/jobs/${r.id}`}>{t}</Link> },
                    { title: '工作地点', key: 'place', render: (_v, r) => r.workPlace || r.workRegionName || r.workRegionCode },
                    { title: '月工资', key: 'wage', render: (_v, r) => wageRange(r.wageMinFen, r.wageMaxFen) },
                    { title: '食宿', key: 'board', render: (_v, r) => boardText(r) },
                    { title: '已招/招聘', key: 'n', align: 'right', render: (_v, r) => `${r.filled}/${r.openings}` },
                    { title: '状态', key: 'status', render: (_v, r) => <JobStatusTag job={r} /> },
                  ]}
                />
              ),
            },
            ...(!self
              ? [
                  {
                    key: 'laborers',
                    label: '在岗劳动力',
                    children: <Laborers employer={e} mayApply={me.canWrite && me.role !== 'auditor'} />,
                  },
                ]
              : []),
            ...(!self && e.accounts
              ? [{ key: 'accounts', label: '单位账号', children: me.canWrite ? <Accounts employer={e} /> : null }]
              : []),
          ]}
        />
      )}
    </PageCard>
  );
}
