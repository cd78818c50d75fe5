// Cancelling a planned job fair or export batch: the 取消 button, the form that asks for the
// reason (天气原因、用工单位取消…) and says what the cancellation does, and how a cancelled
// record shows why, when and by whom.
import { StopOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import type { Cancellation } from './recommendations-api.ts';

export function CancelButton<T>({
  record,
  effect,
  onCancel,
  onDone,
}: {
  /** The record as messages name it, e.g. 招聘会“2026年春风行动专场招聘会”. */
  record: string;
  /** What the cancellation does, said before the officer confirms it. */
  effect: string;
  onCancel: (reason: string) => Promise<T>;
  onDone: (result: T) => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useMutation<T, ApiError, string>({
    mutationFn: onCancel,
    onSuccess: (r) => {
      setOpen(false);
      message.success(`已取消${record}`);
      onDone(r);
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['reason']);
      if (rest.length > 0 || !e.problems.length) message.error(e.message);
    },
  });
  return (
    <>
      <Button
        danger
        icon={<StopOutlined />}
        onClick={() => {
          form.resetFields();
          setOpen(true);
        }}
      >
        取消
      </Button>
      <Modal
        open={open}
        title={`取消${record}`}
        okText="确认取消"
        okButtonProps={{ danger: true }}
        cancelText="返回"
        confirmLoading={cancel.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          form.validateFields().then(
            (v) => cancel.mutate(v.reason),
            () => undefined, // antd shows the problem on the field
          )
        }
        forceRender
      >
        <Alert type="warning" showIcon title={effect} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="取消原因" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}>
            <Input.TextArea rows={3} maxLength={500} aria-label="取消原因" placeholder="如 天气原因、用工单位取消" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 已取消 with the reason, who cancelled and when, for a detail page. */
export function CancellationNote({ cancellation }: { cancellation: Cancellation }) {
  const by = cancellation.byName ? `，${cancellation.byName}` : '';
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={`已取消：${cancellation.reason}`}
      description={`${beijingDateTime(cancellation.at, false)}${by}取消`}
    />
  );
}

/** A list's status cell: the tag, and the reason when the record was cancelled. */
export function StatusWithReason({ color, name, reason }: { color: string; name: string; reason: string | null }) {
  return (
    <Space size={4} wrap>
      <Tag color={color}>{name}</Tag>
      {reason && <Typography.Text type="secondary">{reason}</Typography.Text>}
    </Space>
  );
}
