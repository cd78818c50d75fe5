// Runs every policies/<document>/<rule>.cases.yaml against the engine: each case states the
// decision a reader of the document works out by hand (status, amount in fen, citations).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { type Case, evaluateCase, type RegionalSetting } from '../src/domain/rules/index.ts';
import { loadCatalog, POLICIES_DIR } from '../src/modules/rules/catalog.ts';

const date = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string());
const caseFile = z.strictObject({
  rule: z.string(),
  cases: z
    .array(
      z.strictObject({
        name: z.string(),
        subject: z.enum(['person', 'household', 'employer', 'workshop', 'agency', 'organizer', 'county', 'unit']).optional(),
        region: z.string(),
        date,
        facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
        history: z.array(z.strictObject({ rule: z.string(), date, amountFen: z.number().optional() })).optional(),
        settings: z
          .array(
            z.strictObject({
              parameter: z.string(),
              region: z.string(),
              from: date,
              to: date.optional(),
              value: z.union([z.number(), z.string()]),
            }),
          )
          .optional(),
        expect: z.strictObject({
          status: z.enum(['eligible', 'not_eligible', 'not_in_force', 'amount_not_set', 'incomplete']),
          amountFen: z.number().nullable().optional(),
          maxAmountFen: z.number().nullable().optional(),
          cites: z.array(z.string()).optional(),
          /** Words the decision's message must contain, e.g. the condition a case fails. */
          message: z.string().optional(),
        }),
      }),
    )
    .min(1),
});

const catalog = await loadCatalog();
const files = readdirSync(POLICIES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(POLICIES_DIR, d.name))
      .filter((f) => f.endsWith('.cases.yaml'))
      .map((f) => join(d.name, f)),
  );

describe.each(files)('%s', (file) => {
  const spec = caseFile.parse(parse(readFileSync(join(POLICIES_DIR, file), 'utf8')));
  const rule = catalog.rules.find((r) => r.id === spec.rule);

  it.each(spec.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(rule, `规则 ${spec.rule} 不在目录中`).toBeDefined();
    const settings: RegionalSetting[] = (c.settings ?? []).map((s, i) => ({
      id: `case-setting-${i}`,
      rule: spec.rule,
      parameter: s.parameter,
      region: s.region,
      from: s.from,
      to: s.to ?? null,
      value: s.value,
    }));
    const input: Case = {
      id: c.name,
      rule: spec.rule,
      subject: { kind: c.subject ?? rule!.subject },
      region: c.region,
      date: c.date,
      facts: c.facts,
      history: c.history,
    };
    const [decision] = evaluateCase(catalog, input, { settings });
    expect(decision?.status, decision?.message).toBe(c.expect.status);
    if (c.expect.amountFen !== undefined) expect(decision?.amountFen).toBe(c.expect.amountFen);
    if (c.expect.maxAmountFen !== undefined) expect(decision?.maxAmountFen).toBe(c.expect.maxAmountFen);
    if (c.expect.message !== undefined) expect(decision?.message).toContain(c.expect.message);
    for (const cite of c.expect.cites ?? []) {
      const [document, article] = cite.includes(':') ? cite.split(':') : [rule!.document.code, cite];
      expect(decision?.citations).toContainEqual({ document, article });
    }
  });
});

describe('the catalogue', () => {
  it('has a case file for every rule', () => {
    const covered = new Set(files.map((f) => caseFile.parse(parse(readFileSync(join(POLICIES_DIR, f), 'utf8'))).rule));
    expect(catalog.rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('gives every parameter of the document a value from the start of its rule (unless a region sets it)', () => {
    const gaps = catalog.rules.flatMap((r) =>
      Object.values(r.parameters)
        .filter((p) => p.setBy === undefined && !p.values.some((v) => v.from <= r.from))
        .map((p) => `${r.id}.${p.name}`),
    );
    expect(gaps).toEqual([]);
  });
});
