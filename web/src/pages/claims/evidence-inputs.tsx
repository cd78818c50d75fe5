// What every claim form shares (an office's application, an employer's own): the kind of an
// evidence document, the files chosen before the claim exists (uploaded once it does), and the
// refusal with the engine's decision.
import { UploadOutlined } from '@ant-design/icons';
import type { Decision } from '@domain/rules/types.ts';
import { Alert, Button, Select, Space, Table, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../api/claims.ts';
import type { ApiError } from '../../api/client.ts';

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
