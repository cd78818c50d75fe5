// 劳动力台账: filtered, paged list of the register within the user's region.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { EMPLOYMENT_CHANNELS, EMPLOYMENT_STATUSES, HOUSEHOLD_TYPES, WORK_CAPACITIES } from '@domain/registry/vocabulary.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { downloadDirect, toSearchParams } from '../api/client.ts';
import { type LaborerQuery, listLaborers } from '../api/laborers.ts';
import type { LaborerListItem } from '../api/types.ts';
import { useMe } from '../components/AuthProvider.tsx';
import { ErrorAlert } from '../components/ErrorResult.tsx';
import { PageCard } from '../components/PageCard.tsx';
import { RegionTreeSelect } from '../components/RegionTreeSelect.tsx';

const FILTER_KEYS = ['region', 'status', 'channel', 'willing', 'capacity', 'ageBand', 'householdType', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Partial<Record<FilterKey, string>>;

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const AGE_BANDS = [
  { value: '16-30', label: '16-30岁' },
  { value: '31-45', label: '31-45岁' },
  { value: '46-60', label: '46-60岁' },
];
const WILLING = [
  { value: 'true', label: '愿意外出' },
  { value: 'false', label: '不愿外出' },
];

function readFilters(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function LaborerListPage() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query: LaborerQuery = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['laborers', query],
    queryFn: () => listLaborers(query),
    placeholderData: keepPreviousData,
  });

  const setQuery = (next: Filters & { page?: number; pageSize?: number }) =>
    setParams(toSearchParams(next as Record<string, string | number | undefined>));
  const setFilter = (changes: Filters) => setQuery({ ...filters, ...changes, page: 1, pageSize });

  // A county's register is large: the browser streams the file to disk instead of holding it.
  const exportExcel = () => {
    const qs = toSearchParams(filters).toString();
    downloadDirect(`/api/laborers/export.xlsx${qs ? `?${qs}` : ''}`);
    message.info('正在导出，文件将由浏览器下载');
  };

  const select = (key: FilterKey, placeholder: string, options: { value: string; label: string }[]) => (
    <Select
      allowClear
      placeholder={placeholder}
      options={options}
      value={filters[key]}
      onChange={(v?: string) => setFilter({ [key]: v })}
      style={{ width: '100%' }}
      aria-label={placeholder}
    />
  );

  return (
    <PageCard
      title="劳动力台账"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={exportExcel}>
            导出Excel
          </Button>
          {me.canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/laborers/new')}>
              新增
            </Button>
          )}
        </Space>
      }
    >
      <Form layout="vertical" style={{ marginBottom: 8 }}>
        <Row gutter={12}>
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="区划">
              <RegionTreeSelect
                value={filters.region}
                onChange={(v) => setFilter({ region: v })}
                allowClear
                placeholder="本辖区全部"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="搜索">
              <Input.Search
                allowClear
                placeholder="姓名、身份证号或拼音首字母"
                defaultValue={filters.q}
                key={filters.q ?? ''}
                onSearch={(v) => setFilter({ q: v.trim() || undefined })}
                enterButton="查询"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="就业状态">{select('status', '就业状态', opts(EMPLOYMENT_STATUSES))}</Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="就业渠道">{select('channel', '就业渠道', opts(EMPLOYMENT_CHANNELS))}</Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="外出意愿">{select('willing', '外出意愿', WILLING)}</Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="劳动技能">{select('capacity', '劳动技能', opts(WORK_CAPACITIES))}</Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="年龄段">{select('ageBand', '年龄段', AGE_BANDS)}</Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label="户类型">{select('householdType', '户类型', opts(HOUSEHOLD_TYPES))}</Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item label=" ">
              <Button onClick={() => setQuery({})} disabled={Object.keys(filters).length === 0}>
                重置
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <ErrorAlert error={list.error} />
      <Table<LaborerListItem>
        rowKey={(r) => String(r.id)}
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 人`,
          onChange: (p, ps) => setQuery({ ...filters, page: ps === pageSize ? p : 1, pageSize: ps }),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            fixed: 'left',
            width: 90,
            render: (name: string, r) => <Link to={`/laborers/${r.id}`}>{name}</Link>,
          },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          { title: '性别', dataIndex: 'sex', width: 60 },
          { title: '年龄', dataIndex: 'age', width: 60 },
          { title: '所在村', dataIndex: 'villageName', width: 140 },
          { title: '户编号', dataIndex: 'householdNumber', width: 170 },
          {
            title: '户类型',
            dataIndex: 'householdType',
            width: 90,
            render: (t: string) => <Tag color={t === '监测对象' ? 'orange' : 'blue'}>{t}</Tag>,
          },
          { title: '劳动技能', dataIndex: 'workCapacity', width: 130 },
          {
            title: '就业状态',
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={s === '已就业' ? 'green' : 'default'}>{s}</Tag>,
          },
          { title: '就业渠道', dataIndex: 'channel', width: 130, render: (c: string | null) => c || '-' },
          { title: '外出意愿', dataIndex: 'migrateWilling', width: 80, render: (w: boolean) => (w ? '是' : '否') },
          { title: '联系电话', dataIndex: 'phone', width: 130, render: (p: string | null) => p || '-' },
        ]}
      />
    </PageCard>
  );
}
