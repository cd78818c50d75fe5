// 贫困县名单 (区划认定): the 贫困县 and 深度贫困县 lists the province published, each with the
// counties on it and the day each left. Province officers enter them; everyone else reads them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Modal, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { listDesignations } from '../../api/regions.ts';
import type { DesignationKind } from '../../api/types.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { DesignationListCard } from './DesignationListCard.tsx';
import { DesignationListForm } from './DesignationListForm.tsx';

export function DesignationsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DesignationKind>();
  const [entering, setEntering] = useState(false);
  // The user's province: the lists of a province are read by every officer in it.
  const province = me.regionCode.length >= 2 ? me.regionCode.slice(0, 2) : undefined;
  const lists = useQuery({
    queryKey: ['designations', province, kind],
    queryFn: () => listDesignations({ province, kind }),
  });
  const data = lists.data;
  const changed = (text: string) => {
    message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['designations'] });
    // The region pages' 区划认定 rows read the same lists.
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'region' && q.queryKey[2] === 'designations' });
  };

  return (
    <PageCard
      title="贫困县、深度贫困县名单"
      extra={
        <Space>
          <Select<DesignationKind>
            allowClear
            placeholder="全部类别"
            aria-label="按类别筛选"
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={Object.entries(data?.kinds ?? {}).map(([value, label]) => ({ value: value as DesignationKind, label }))}
          />
          {data?.canEdit && (
            <Button type="primary" onClick={() => setEntering(true)}>
              录入名单
            </Button>
          )}
        </Space>
      }
    >
      {data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            data.canEdit
              ? '按省政府公布的文件录入名单；县退出名单（摘帽）时记录退出日期及依据。已录入的名单不能修改，退出日期只能改早。'
              : '名单由省级人员录入，此处只供查阅。'
          }
          description="政策规则中的“深度贫困县”“贫困地区”等条件，案例未填写时按案例日期在执行的名单认定；没有在执行的名单时视为未知，需经办人员核实。"
        />
      )}
      <ErrorAlert error={lists.error} />
      {lists.isPending && <Spin />}
      {data?.items.length === 0 && <Empty description="尚未录入名单" />}
      {data?.items.map((l) => (
        <DesignationListCard key={l.id} list={l} canEdit={data.canEdit} onChanged={changed} />
      ))}
      {data && (
        <Modal open={entering} title="录入名单" footer={null} width={640} onCancel={() => setEntering(false)} destroyOnHidden>
          <DesignationListForm
            kinds={data.kinds}
            onSaved={(l) => {
              setEntering(false);
              changed(`已录入《${l.title}》`);
            }}
            onCancel={() => setEntering(false)}
          />
        </Modal>
      )}
    </PageCard>
  );
}
