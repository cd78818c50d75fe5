// Claim statuses as tags, with the names of the claim steps (src/domain/claims/steps.ts), and
// the laborer a unit's claim is about under the unit's name.
import { CLAIM_STATUS_NAMES } from '@domain/claims/steps.ts';
import { Tag, Typography } from 'antd';
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

/** Under a unit's name in a list: the laborer its claim is about (岗位补贴, 社保补贴, 服务补贴). */
export function AboutLaborer({ name }: { name: string | null }) {
  if (!name) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block' }}>
      所涉劳动力：{name}
    </Typography.Text>
  );
}
