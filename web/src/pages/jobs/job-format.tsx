// How job posts read on screen: wage range, board, status tags, requirements.
import { INDUSTRY_SECTIONS, JOB_STATUS_NAMES, type JobStatusValue } from '@domain/jobs/vocabulary.ts';
import { Tag } from 'antd';
import { yuan } from '../../lib/format.ts';
import type { Job } from './jobs-api.ts';

const STATUS_COLORS: Record<JobStatusValue, string> = { open: 'green', filled: 'blue', expired: 'default' };

export function JobStatusTag({ job }: { job: Pick<Job, 'status'> & { statusName?: string } }) {
  return <Tag color={STATUS_COLORS[job.status]}>{job.statusName ?? JOB_STATUS_NAMES[job.status] ?? job.status}</Tag>;
}

/** "3,500.00 元 - 5,000.00 元" as "3,500-5,000 元/月". */
export function wageRange(min: number | string, max: number | string): string {
  const whole = (fen: number | string) =>
    yuan(fen)
      .replace(/\.00 元$/, '')
      .replace(/ 元$/, '');
  return Number(min) === Number(max) ? `${whole(min)} 元/月` : `${whole(min)}-${whole(max)} 元/月`;
}

export function boardText(j: Pick<Job, 'accommodation' | 'meals'>): string {
  if (j.accommodation && j.meals) return '包吃住';
  if (j.accommodation) return '包住';
  if (j.meals) return '包吃';
  return '不包吃住';
}

export function ageText(j: Pick<Job, 'ageMin' | 'ageMax'>): string {
  if (j.ageMin == null && j.ageMax == null) return '不限';
  if (j.ageMin == null) return `${j.ageMax} 岁以下`;
  if (j.ageMax == null) return `${j.ageMin} 岁以上`;
  return `${j.ageMin}-${j.ageMax} 岁`;
}

export const SOURCE_NAMES: Record<Job['source'], string> = { form: '经办录入', import: '批量导入', employer: '企业自报' };

/** 'C' -> 'C 制造业'. */
export const industryName = (code: string) => (code ? `${code} ${INDUSTRY_SECTIONS[code] ?? ''}`.trim() : '-');
