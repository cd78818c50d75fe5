// Loads the policy catalogue from policies/: one folder per issuing document with its
// document.yaml, and per rule a parameter file <name>.yaml beside its formula <name>.ts.
// The files are checked strictly here so that a typo in a policy file stops the server
// at start instead of producing a wrong decision later.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  type Catalog,
  FUND_SOURCES,
  PARAMETER_UNITS,
  type Parameter,
  type PolicyDocument,
  parseArticleRef,
  RULE_TAGS,
  type Rule,
  type RuleFormula,
  SUBJECT_KIND_NAMES,
} from '../../domain/rules/index.ts';

export const POLICIES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../policies');

const date = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const region = z.union([z.literal(''), z.string().regex(/^(\d{2}|\d{4}|\d{6})$/)]);

const documentSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,3}(-\d{4})(-[0-9A-Z]+)?$/),
  number: z.string(),
  title: z.string().min(4),
  issuer: z.string().min(2),
  region: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), region),
  from: date,
  to: date.nullable(),
  source: z.string(),
  articles: z.record(z.string(), z.string().min(2)),
});

const parameterSchema = z.strictObject({
  label: z.string().min(2),
  unit: z.enum(PARAMETER_UNITS),
  values: z
    .array(
      z.strictObject({
        from: date,
        to: date.nullable().default(null),
        value: z.union([z.number().int(), z.string()]),
        article: z.string(),
      }),
    )
    .default([]),
  setBy: z.enum(['province', 'city', 'county']).optional(),
  article: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  choices: z.record(z.string(), z.strictObject({ label: z.string(), article: z.string() })).optional(),
});

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9-]+$/),
  title: z.string().min(2),
  summary: z.string().min(10),
  subject: z.enum(Object.keys(SUBJECT_KIND_NAMES) as [keyof typeof SUBJECT_KIND_NAMES]),
  beneficiary: z.string().min(2),
  fund: z.enum(FUND_SOURCES),
  region: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), region).optional(),
  from: date.optional(),
  to: date.nullable().optional(),
  articles: z.array(z.string()).min(1),
  limit: z
    .strictObject({
      group: z.string(),
      window: z.enum(['calendar_year', 'lifetime']),
      times: z.number().int().positive(),
      article: z.string(),
      per: z.enum(['subject', 'laborer']).optional(),
    })
    .optional(),
  tags: z.array(z.enum(RULE_TAGS)).default([]),
  bases: z.boolean().optional(),
  parameters: z.record(z.string(), parameterSchema).default({}),
});

function problemText(file: string, error: z.ZodError): string {
  return `${file}: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}

async function loadYaml<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`政策文件格式错误 ${problemText(file, parsed.error)}`);
  return parsed.data;
}

/** Every article a rule cites must be quoted in its document folder (or, as "CODE:article", in another's). */
function checkArticles(
  file: string,
  doc: PolicyDocument,
  documents: ReadonlyMap<string, PolicyDocument>,
  articles: string[],
): void {
  const unknown = articles.filter((ref) => {
    const c = parseArticleRef(doc.code, ref);
    const quoted = c.document === doc.code ? doc : documents.get(c.document);
    return quoted === undefined || !(c.article in quoted.articles);
  });
  if (unknown.length > 0) throw new Error(`政策文件 ${file} 引用了未收录的条款：${unknown.join('、')}`);
}

async function loadRule(
  dir: string,
  file: string,
  doc: PolicyDocument,
  documents: ReadonlyMap<string, PolicyDocument>,
): Promise<Rule> {
  const meta = await loadYaml(join(dir, file), ruleSchema);
  const formulaFile = join(dir, `${basename(file, '.yaml')}.ts`);
  const mod = (await import(pathToFileURL(formulaFile).href)) as { default?: RuleFormula };
  const formula = mod.default;
  if (formula === undefined || formula.id !== meta.id) {
    throw new Error(`政策公式 ${formulaFile} 应默认导出 id 为 ${meta.id} 的 defineRule(...)`);
  }
  const parameters: Record<string, Parameter> = {};
  for (const [name, p] of Object.entries(meta.parameters)) parameters[name] = { name, ...p };
  const cited = [
    ...meta.articles,
    ...(meta.limit ? [meta.limit.article] : []),
    ...Object.values(parameters).flatMap((p) => [
      ...p.values.map((v) => v.article),
      ...(p.article ? [p.article] : []),
      ...Object.values(p.choices ?? {}).map((c) => c.article),
    ]),
  ];
  checkArticles(join(dir, file), doc, documents, cited);
  return {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    document: doc,
    subject: meta.subject,
    beneficiary: meta.beneficiary,
    fund: meta.fund,
    region: meta.region ?? doc.region,
    from: meta.from ?? doc.from,
    to: meta.to === undefined ? doc.to : meta.to,
    articles: meta.articles,
    limit: meta.limit,
    tags: meta.tags,
    ...(meta.bases !== undefined ? { bases: meta.bases } : {}),
    parameters,
    formula,
  };
}

/** Reads every document folder under `dir`. Throws on the first malformed file. */
export async function loadCatalog(dir = POLICIES_DIR): Promise<Catalog> {
  const documents: PolicyDocument[] = [];
  const rules: Rule[] = [];
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const folder of folders) documents.push(await loadYaml(join(dir, folder, 'document.yaml'), documentSchema));
  const byCode = new Map(documents.map((d) => [d.code, d]));
  for (const [i, folder] of folders.entries()) {
    const docDir = join(dir, folder);
    const doc = documents[i] as PolicyDocument;
    const files = (await readdir(docDir)).filter(
      (f) => f.endsWith('.yaml') && f !== 'document.yaml' && !f.endsWith('.cases.yaml'),
    );
    for (const file of files.sort()) rules.push(await loadRule(docDir, file, doc, byCode));
  }
  const ids = rules.map((r) => r.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw new Error(`规则编号重复：${dup}`);
  return { documents, rules };
}

let cached: Promise<Catalog> | undefined;

/** The repository's catalogue, loaded once per process. */
export function catalog(): Promise<Catalog> {
  cached ??= loadCatalog();
  return cached;
}
