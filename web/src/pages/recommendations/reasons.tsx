// Reasons of a recommendation as tags, tracking steps and stability as tags.
import { Space, Tag, Tooltip } from 'antd';
import type { ConsentState, Stability, Tracking } from './recommendations-api.ts';

export function ReasonTags({ reasons }: { reasons: readonly string[] }) {
  if (!reasons.length) return <span>-</span>;
  return (
    <Space size={[4, 4]} wrap data-testid="reasons">
      {reasons.map((r) => (
        <Tag key={r} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {r}
        </Tag>
      ))}
    </Space>
  );
}

const STEP_COLORS: Record<string, string> = {
  pushed: 'blue',
  seen: 'cyan',
  interested: 'gold',
  applied: 'orange',
  interviewed: 'purple',
  hired: 'green',
};

export function StepTag({ tracking }: { tracking: Tracking }) {
  if (tracking.declinedAt) {
    return (
      <Tooltip title={tracking.declineReason || undefined}>
        <Tag>{tracking.stepName}</Tag>
      </Tooltip>
    );
  }
  return <Tag color={tracking.step ? STEP_COLORS[tracking.step] : 'default'}>{tracking.stepName}</Tag>;
}

const CONSENT_COLORS: Record<ConsentState, string> = { none: 'default', given: 'green', withdrawn: 'orange' };

/** Whether the employer sees the laborer's name and phone: 已同意公开 / 已撤回同意 (nothing before consent). */
export function ConsentTag({ tracking }: { tracking: Tracking }) {
  if (tracking.consentState === 'none') return null;
  return (
    <Tag color={CONSENT_COLORS[tracking.consentState]} data-testid="consent-state">
      {tracking.consentStateName}
    </Tag>
  );
}

const STABILITY_COLORS: Record<Stability, string> = { stable: 'green', left: 'red', pending: 'default' };

export function StabilityTag({ label, value, name }: { label: string; value: Stability | null; name: string | null }) {
  if (!value) return null;
  return (
    <Tag color={STABILITY_COLORS[value]}>
      {label}：{name}
    </Tag>
  );
}

/** 0.4235 -> "42.35"; scores are 0-100 with the default weights. */
export const scoreText = (s: number) => (Math.round(s * 10) / 10).toFixed(1);
