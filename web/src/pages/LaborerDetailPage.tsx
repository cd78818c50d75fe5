// One laborer: own fields, household, employment history, change log; edit in place.
import { EditOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Result, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ApiError } from '../api/client.ts';
import { addSpell, getLaborer, getLaborerAudit, revealIdNumber, updateLaborer, updateSpell } from '../api/laborers.ts';
import type { LaborerDetail, Spell, SpellFields } from '../api/types.ts';
import { AuditTable } from '../components/AuditTable.tsx';
import { useMe } from '../components/AuthProvider.tsx';
import { HouseholdPanel } from '../components/HouseholdPanel.tsx';
import { PageCard } from '../components/PageCard.tsx';
import { PersonDescriptions } from '../components/PersonDescriptions.tsx';
import { PersonForm } from '../components/PersonForm.tsx';
import { changedFields, formValuesOf, type PersonFormValues } from '../components/person-fields.ts';
import { SpellFormModal } from '../components/SpellForm.tsx';
import { SpellTimeline } from '../components/SpellTimeline.tsx';
import { LaborerRecommendationsPanel } from './recommendations/LaborerRecommendationsPanel.tsx';

export function LaborerDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [tab, setTab] = useState(params.get('tab') ?? 'person');
  const [editing, setEditing] = useState(false);
  const [spellModal, setSpellModal] = useState<{ open: boolean; spell?: Spell }>({ open: false });
  const [revealedId, setRevealedId] = useState<string>();

  const detail = useQuery({ queryKey: ['laborer', id], queryFn: () => getLaborer(id) });
  const audit = useQuery({ queryKey: ['laborer', id, 'audit'], queryFn: () => getLaborerAudit(id), enabled: tab === 'audit' });

  const afterChange = (d: LaborerDetail) => {
    queryClient.setQueryData(['laborer', id], d);
    void queryClient.invalidateQueries({ queryKey: ['laborer', id, 'audit'] });
    void queryClient.invalidateQueries({ queryKey: ['laborers'] });
    void queryClient.invalidateQueries({ queryKey: ['workbench'] });
  };

  const reveal = useMutation<{ idNumber: string }, ApiError>({
    mutationFn: () => revealIdNumber(id),
    onSuccess: (r) => {
      setRevealedId(r.idNumber);
      void queryClient.invalidateQueries({ queryKey: ['laborer', id, 'audit'] });
    },
    onError: (e) => message.error(e.message),
  });

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) {
    return (
      <Result
        status={(detail.error as ApiError).status === 404 ? '404' : 'error'}
        title={detail.error.message}
        extra={<Button onClick={() => navigate('/laborers')}>返回台账</Button>}
      />
    );
  }
  const d = detail.data;
  const initialValues = formValuesOf(d);

  const save = async (values: PersonFormValues) => {
    const fields = changedFields(initialValues, values);
    if (Object.keys(fields).length === 0) {
      message.info('没有修改任何内容');
      setEditing(false);
      return;
    }
    const updated = await updateLaborer(id, d.person.version, fields);
    afterChange(updated);
    message.success('已保存');
    setEditing(false);
  };

  const saveSpell = async (fields: SpellFields) => {
    const spell = spellModal.spell;
    await (spell ? updateSpell(id, spell.id, fields) : addSpell(id, fields));
    // The spell routes answer with the whole record; reload it to be safe with either shape.
    await queryClient.invalidateQueries({ queryKey: ['laborer', id] });
    void queryClient.invalidateQueries({ queryKey: ['laborers'] });
    message.success('就业经历已保存');
  };

  return (
    <PageCard
      title={`劳动力详情 · ${d.person.name}`}
      extra={
        <Space>
          <Button icon={<RollbackOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
          {me.canWrite && !editing && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
          )}
        </Space>
      }
    >
      {editing ? (
        <PersonForm initialValues={initialValues} submitText="保存修改" onSubmit={save} onCancel={() => setEditing(false)} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'person',
              label: '基本信息',
              children: (
                <PersonDescriptions
                  person={d.person}
                  revealedId={revealedId}
                  onReveal={me.canViewFullId ? () => reveal.mutate() : undefined}
                  revealing={reveal.isPending}
                />
              ),
            },
            { key: 'household', label: '家庭成员', children: <HouseholdPanel household={d.household} currentId={d.person.id} /> },
            {
              key: 'spells',
              label: '就业经历',
              children: (
                <>
                  {me.canWrite && (
                    <Button icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setSpellModal({ open: true })}>
                      新增就业经历
                    </Button>
                  )}
                  <SpellTimeline
                    spells={d.spells}
                    onEdit={me.canWrite ? (spell) => setSpellModal({ open: true, spell }) : undefined}
                  />
                </>
              ),
            },
            { key: 'recommendations', label: '推荐岗位', children: <LaborerRecommendationsPanel personId={d.person.id} /> },
            { key: 'audit', label: '变更记录', children: <AuditTable entries={audit.data} loading={audit.isFetching} /> },
          ]}
        />
      )}
      <SpellFormModal
        key={spellModal.spell ? String(spellModal.spell.id) : 'new'}
        open={spellModal.open}
        spell={spellModal.spell}
        onSubmit={saveSpell}
        onClose={() => setSpellModal({ open: false })}
      />
    </PageCard>
  );
}
