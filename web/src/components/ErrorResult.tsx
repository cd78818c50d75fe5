import { Alert } from 'antd';

/** A failed load: the server's Chinese message. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={(error as Error).message} style={{ marginBottom: 16 }} />;
}
