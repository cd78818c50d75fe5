// What every claim page shares (an office's, an employer's own): the kind of an evidence
// document, the files chosen before the claim exists (uploaded once it does), a claim's evidence
// panel, and the refusal with the engine's decision.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Decision } from '@domain/rules/types.ts';
import { Alert, App, Button, Select, Space, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { EVIDENCE_KINDS, type Evidence, type EvidenceKind } from '../../api/claims.ts';
import { type ApiError, download } from '../../api/client.ts';
import { beijingDateTime } from '../../lib/beijing-time.ts';

/** 材料类型: ticket, contract, payroll, attendance, other. */
export function EvidenceKindSelect({ value, onChange }: { value: EvidenceKind; onChange: (k: EvidenceKind) => void }) {
  return (
    <Select<EvidenceKind>
      value={value}
      onChange={onChange}
      style={{ width: 130 }}
      aria-label="材料类型"
      options={Object.entries(EVIDENCE_KINDS).map(([v, label]) => ({ value: v as EvidenceKind, label }))}
    />
  );
}

/** A file chosen on an application form, uploaded once the claim has been created. */
export interface PendingFile {
  uid: string;
  kind: EvidenceKind;
  file: File;
}

/** Picks files of a kind and lists them with a remove button until the form is sent. */
export function PendingEvidence({
  files,
  onChange,
  firstKind,
}: {
  files: PendingFile[];
  onChange: (update: (prev: PendingFile[]) => PendingFile[]) => void;
  firstKind: EvidenceKind;
}) {
  const [kind, setKind] = useState<EvidenceKind>(firstKind);
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <EvidenceKindSelect value={kind} onChange={setKind} />
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            onChange((prev) => [...prev, { uid: file.uid, kind, file }]);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
      </Space>
      {files.length > 0 && (
        <Table<PendingFile>
          size="small"
          rowKey="uid"
          dataSource={files}
          pagination={false}
          style={{ marginBottom: 12 }}
          columns={[
            { title: '类型', dataIndex: 'kind', width: 100, render: (k: EvidenceKind) => EVIDENCE_KINDS[k] },
            { title: '文件', key: 'name', render: (_v, f) => f.file.name },
            {
              title: '',
              key: 'remove',
              width: 70,
              render: (_v, f) => (
                <Button type="link" onClick={() => onChange((prev) => prev.filter((x) => x.uid !== f.uid))}>
                  移除
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

/** Why the server refused an application, and the engine's decision when it decided one. */
export function ApplyRefusal({ refusal, decision }: { refusal: ApiError | undefined; decision: (d: Decision) => ReactNode }) {
  if (!refusal) return null;
  const decided = refusal.details?.decision as Decision | undefined;
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={refusal.message}
        description={
          refusal.problems.length ? refusal.problems.map((p) => `${p.label ?? p.field}：${p.message}`).join('；') : undefined
        }
      />
      {decided && <div style={{ marginBottom: 12 }}>{decision(decided)}</div>}
    </>
  );
}

/**
 * A claim's evidence files: an upload of a chosen kind (when `upload` is given) and the list
 * with downloads; the office's page also shows each file's SHA-256.
 */
export function EvidencePanel({
  evidence,
  firstKind,
  upload,
  onUploaded,
  showHash = false,
}: {
  evidence: Evidence[];
  firstKind: EvidenceKind;
  upload?: ((kind: EvidenceKind, file: File) => Promise<Evidence>) | undefined;
  onUploaded: () => void;
  showHash?: boolean;
}) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<EvidenceKind>(firstKind);
  return (
    <>
      {upload && (
        <Space style={{ marginBottom: 8 }}>
          <EvidenceKindSelect value={kind} onChange={setKind} />
          <Upload
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const ev = await upload(kind, file as File);
                message.success(`已上传 ${ev.fileName}`);
                onSuccess?.(ev);
                onUploaded();
              } catch (e) {
                message.error((e as Error).message);
                onError?.(e as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />}>上传材料</Button>
          </Upload>
        </Space>
      )}
      <Table<Evidence>
        size="small"
        rowKey={(e) => String(e.id)}
        dataSource={evidence}
        pagination={false}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: EvidenceKind, e) => e.kindName ?? EVIDENCE_KINDS[k] },
          { title: '文件', dataIndex: 'fileName' },
          ...(showHash
            ? [
                {
                  title: 'SHA-256',
                  dataIndex: 'sha256',
                  render: (h: string) => <Typography.Text code>{h.slice(0, 16)}…</Typography.Text>,
                },
              ]
            : []),
          { title: '上传时间', dataIndex: 'uploadedAt', render: (t?: string) => beijingDateTime(t) },
          {
            title: '',
            key: 'dl',
            render: (_v, e) => (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                onClick={() => download(e.url, e.fileName).catch((x: Error) => message.error(x.message))}
              >
                下载
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
