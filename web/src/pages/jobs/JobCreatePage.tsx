// 新增岗位: the job post form; an employer's own account posts for its employer.
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../components/AuthProvider.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { JobForm } from './JobForm.tsx';
import { createJob } from './jobs-api.ts';

export function JobCreatePage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const employerId = params.get('employer') ?? undefined;
  return (
    <PageCard title="新增岗位">
      <JobForm
        defaults={employerId ? { employerId } : undefined}
        askEmployer={me.role !== 'employer'}
        submitText="发布岗位"
        onSubmit={async (fields, chosen) => {
          const job = await createJob(chosen ?? employerId ?? me.employerId ?? '', fields);
          void queryClient.invalidateQueries({ queryKey: ['jobs'] });
          message.success(`已发布岗位“${job.title}”`);
          navigate(`/jobs/${job.id}`);
        }}
        onCancel={() => navigate(-1)}
      />
    </PageCard>
  );
}
