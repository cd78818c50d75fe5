// The default sender: appends each message as one JSON line to a file under the data
// folder, so nothing leaves the machine unless a gateway is configured.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PushChannel } from '../../db/schema-recommendations.ts';
import type { OutboundMessage, PushSender, SendOutcome } from './senders.ts';

export class FileSender implements PushSender {
  readonly description: string;
  readonly path: string;
  constructor(
    readonly channel: PushChannel,
    dir: string,
  ) {
    this.path = join(dir, `${channel}.jsonl`);
    this.description = `本地文件 ${this.path}`;
  }

  async send(m: OutboundMessage): Promise<SendOutcome> {
    const line = JSON.stringify({
      at: new Date().toISOString(),
      id: m.id,
      to: m.recipient,
      template: m.template,
      title: m.title,
      text: m.text,
      fields: m.fields,
    });
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, `${line}\n`, 'utf8');
    } catch (e) {
      return { status: 'retry', error: `写入 ${this.path} 失败：${(e as Error).message}` };
    }
    return { status: 'sent', providerRef: `file:${m.id}` };
  }
}
