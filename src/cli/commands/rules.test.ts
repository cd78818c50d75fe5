// `bangfu rules eval`: cases from a JSON file in, decisions as JSON out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runRulesEval } from './rules.ts';

const dir = mkdtempSync(join(tmpdir(), 'bangfu-rules-eval-'));
const huize = { rule: 'TR-HZ', region: '530326001001', date: '2019-03-01' };
const facts = { registeredPoor: true, migrant: true, workRegion: '530302', stableMonths: 4, ticketPriceFen: 25000 };

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

describe('bangfu rules eval', () => {
  it('prints the decision of one case as JSON: Qujing work without the county’s reading is "amount not set"', async () => {
    const io = capture();
    expect(await runRulesEval([file('one.json', { id: 'q', ...huize, facts })], undefined)).toBe(0);
    const result = JSON.parse(io.out.join('\n'));
    expect(result.caseId).toBe('q');
    expect(result.decisions[0]).toMatchObject({ rule: 'TR-HZ', status: 'amount_not_set', amountFen: null });
  });

  it('with the settings loaded, an array of cases gets an array of results', async () => {
    const io = capture();
    const settings = async () => ({
      settings: [
        {
          id: 'setting:1',
          rule: 'TR-HZ',
          parameter: 'distance_basis',
          region: '530326',
          from: '2018-01-01',
          to: null,
          value: 'county',
        },
      ],
    });
    const path = file('many.json', [
      { id: 'a', ...huize, facts },
      { id: 'b', ...huize, facts: { ...facts, workRegion: '省外', ticketPriceFen: 62000 } },
    ]);
    expect(await runRulesEval([path], settings)).toBe(0);
    const results = JSON.parse(io.out.join('\n'));
    expect(results.map((r: { decisions: { amountFen: number }[] }) => r.decisions[0]?.amountFen)).toEqual([25000, 50000]);
  });

  it('pays only laborers who work away (外出务工, 第16条): not one at home, and a case that does not say is incomplete', async () => {
    const io = capture();
    const { migrant: _, ...unsaid } = facts;
    const path = file('migrant.json', [
      { id: 'away', ...huize, facts: { ...facts, workRegion: '530326', ticketPriceFen: 1500 } },
      { id: 'workshop', ...huize, facts: { ...facts, migrant: false, workRegion: '530326', ticketPriceFen: 1500 } },
      { id: 'unsaid', ...huize, facts: unsaid },
    ]);
    expect(await runRulesEval([path], undefined)).toBe(0);
    const [away, workshop, notSaid] = JSON.parse(io.out.join('\n')).map((r: { decisions: unknown[] }) => r.decisions[0]);
    expect(away).toMatchObject({ status: 'eligible', amountFen: 1500 });
    expect(workshop).toMatchObject({ status: 'not_eligible', message: '不符合条件：外出务工' });
    expect(notSaid).toMatchObject({ status: 'incomplete', missingFacts: ['migrant'] });
  });

  it('names the case and the fact when a value is wrong, and exits 1', async () => {
    const io = capture();
    const path = file('bad.json', [
      { id: 'a', ...huize, facts },
      { ...huize, facts: { ...facts, stableMonths: '三个月' } },
    ]);
    expect(await runRulesEval([path], undefined)).toBe(1);
    expect(io.err.join('\n')).toContain('第 2 个案例');
    expect(io.err.join('\n')).toContain('稳定就业月数应为整数');
  });

  it('refuses a file that is not JSON and a case that names a person of the register', async () => {
    const io = capture();
    expect(await runRulesEval([file('x.json', '{ not json')], undefined)).toBe(1);
    expect(await runRulesEval([file('p.json', { ...huize, personId: '12' })], undefined)).toBe(1);
    expect(io.err.join('\n')).toMatch(/不是有效的 JSON[\s\S]*命令行不读取台账/);
  });
});
