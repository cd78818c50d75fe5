import { useQueryClient } from '@tanstack/react-query';
import { App, Result } from 'antd';
import { useNavigate } from 'react-router';
import { createLaborer } from '../api/laborers.ts';
import { useMe } from '../components/AuthProvider.tsx';
import { PageCard } from '../components/PageCard.tsx';
import { PersonForm } from '../components/PersonForm.tsx';
import { toPersonFields } from '../components/person-fields.ts';

export function LaborerCreatePage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  if (!me.canWrite) return <Result status="403" title="您的角色只能查看台账，不能新增" />;

  return (
    <PageCard title="新增劳动力">
      <PersonForm
        initialValues={{ relocated: '否', migrateWilling: '否', studentStatus: '非在校生' }}
        submitText="保存"
        onCancel={() => navigate('/laborers')}
        onSubmit={async (values) => {
          const created = await createLaborer(toPersonFields(values));
          void queryClient.invalidateQueries({ queryKey: ['laborers'] });
          void queryClient.invalidateQueries({ queryKey: ['workbench'] });
          message.success('已新增');
          navigate(`/laborers/${created.person.id}`, { replace: true });
        }}
      />
    </PageCard>
  );
}
