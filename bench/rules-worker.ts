// One worker thread of the rules benchmark: loads the catalogue itself (rules hold functions,
// which cannot cross threads), then for each slice of person ids it is given, reads those
// laborers over its own connection (COPY) and evaluates them as they arrive, and answers with
// its totals and the workshops it saw.
import { StringDecoder } from 'node:string_decoder';
import { parentPort } from 'node:worker_threads';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { loadCatalog } from '../src/modules/rules/index.ts';
import { laborersQuery, RowEvaluator, rulesOf } from './rules-engine.ts';

const port = parentPort;
if (!port) throw new Error('rules-worker 只能作为工作线程运行');
const rules = rulesOf(await loadCatalog());

async function evaluateSlice(url: string, slice: [string, string]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const evaluator = new RowEvaluator(rules);
    const decoder = new StringDecoder('utf8'); // a chunk may end inside a multi-byte character
    let rest = '';
    const stream = client.query(copyTo(`COPY (${laborersQuery(slice)}) TO STDOUT`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      const end = text.lastIndexOf('\n') + 1;
      evaluator.lines(text.slice(0, end));
      rest = text.slice(end);
    }
    if (rest !== '') evaluator.lines(`${rest}\n`);
    return { result: evaluator.result, workshops: [...evaluator.workshops] };
  } finally {
    await client.end();
  }
}

port.on('message', (m: { url: string; slice: [string, string] }) => {
  evaluateSlice(m.url, m.slice).then(
    (share) => port.postMessage(share),
    (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
port.postMessage('ready');
