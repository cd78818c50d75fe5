// Tags in a rule's policy file decide which lists gather it: a new document whose export
// subsidy says `tags: [organized_export]` is picked up without a code change, and a misspelt
// tag stops the catalogue from loading, naming the file.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesTagged } from '../../domain/rules/index.ts';
import { catalog, loadCatalog, POLICIES_DIR } from './catalog.ts';

let dir: string;

const DOMAIN = pathToFileURL(resolve(POLICIES_DIR, '../src/domain/rules/index.ts')).href;

const documentYaml = `code: GZ-2019-7
number: 黔人社通〔2019〕7号
title: 关于有组织劳务输出补贴的通知（测试）
issuer: 贵州省人力资源和社会保障厅
region: "52"
from: 2019-01-01
to: 2020-12-31
source: test
articles:
  二: "对组织贫困劳动力到省外稳定就业的机构，按每人200元给予补贴。"
`;

const ruleYaml = (tags: string) => `id: EXP-GZ
title: 有组织劳务输出补贴（测试）
summary: 对组织贫困劳动力到省外稳定就业的机构，按每人200元给予补贴。
subject: agency
beneficiary: 组织输出的机构
fund: employment_fund
articles: [二]
tags: ${tags}
parameters:
  per_person:
    label: 每人补贴
    unit: fen_per_person
    values:
      - { from: 2019-01-01, value: 20000, article: 二 }
`;

const formulaTs = `import { defineRule } from '${DOMAIN}';
export default defineRule({
  id: 'EXP-GZ',
  facts: {},
  evaluate(c) {
    return c.pay(c.param('per_person'), '每人 200 元', '二');
  },
});
`;

async function writeDocument(tags: string) {
  const doc = join(dir, 'gz-2019-7');
  await mkdir(doc, { recursive: true });
  await writeFile(join(doc, 'document.yaml'), documentYaml);
  await writeFile(join(doc, 'export.yaml'), ruleYaml(tags));
  await writeFile(join(doc, 'export.ts'), formulaTs);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bangfu-policies-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('rule tags in the policy files', () => {
  it('the repository’s organized-export subsidies are the rules tagged organized_export', async () => {
    const ids = rulesTagged(await catalog(), 'organized_export').map((r) => r.id);
    expect(ids.sort()).toEqual(['EXP-HZ', 'EXP-YN', 'JOBSEEK-NM', 'SVC-HN']);
  });

  it('a new document’s export subsidy is listed by its tag alone', async () => {
    await writeDocument('[organized_export]');
    const cat = await loadCatalog(dir);
    expect(rulesTagged(cat, 'organized_export').map((r) => r.id)).toEqual(['EXP-GZ']);
    await writeDocument('[]');
    expect(rulesTagged(await loadCatalog(dir), 'organized_export')).toEqual([]);
  });

  it('a misspelt tag stops the catalogue, naming the file', async () => {
    await writeDocument('[organised_export]');
    await expect(loadCatalog(dir)).rejects.toThrow(/export\.yaml: tags\.0/);
  });
});
