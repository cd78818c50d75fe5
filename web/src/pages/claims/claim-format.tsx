// Claim statuses as tags, with the names of the claim steps (src/domain/claims/steps.ts).
import { CLAIM_STATUS_NAMES } from '@domain/claims/steps.ts';
import { Tag } from 'antd';
import type { ClaimStatus } from '../../api/claims.ts';

const COLORS: Record<ClaimStatus, string> = {
  submitted: 'processing',
  returned: 'warning',
  reviewed: 'cyan',
  refused: 'error',
  publicized: 'purple',
  approved: 'geekblue',
  batched: 'blue',
  paid: 'success',
  failed: 'volcano',
  withdrawn: 'default',
  recovered: 'magenta',
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  return <Tag color={COLORS[status]}>{CLAIM_STATUS_NAMES[status] ?? status}</Tag>;
}

export const CLAIM_STATUS_OPTIONS = Object.entries(CLAIM_STATUS_NAMES).map(([value, label]) => ({ value, label }));
