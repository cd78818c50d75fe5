// The catalogue as the API shows it: documents, rules with their parameters (dated values
// with the article text behind each), the facts a case needs, and regional settings.

import { namesLaborer } from '../../domain/claims/employer-claims.ts';
import {
  type Catalog,
  DECISION_STATUS_NAMES,
  FUND_NAMES,
  type PolicyDocument,
  parseArticleRef,
  type Rule,
  SETTING_LEVEL_LENGTH,
  SUBJECT_KIND_NAMES,
  settingLevelName,
} from '../../domain/rules/index.ts';
import { REGISTER_FACTS } from '../../domain/rules/person-facts.ts';
import { isRegionFact, REGION_FACTS } from '../../domain/rules/region-facts.ts';
import type { SettingRow } from './settings.repository.ts';

/** A citation with the quoted text, from the rule's own document or (CODE:article) another one. */
function citer(cat: Catalog, own: PolicyDocument) {
  return (ref: string) => {
    const c = parseArticleRef(own.code, ref);
    const doc = c.document === own.code ? own : cat.documents.find((d) => d.code === c.document);
    return { document: c.document, number: doc?.number ?? '', article: c.article, text: doc?.articles[c.article] ?? '' };
  };
}

export function presentDocument(d: PolicyDocument) {
  return {
    code: d.code,
    number: d.number,
    title: d.title,
    issuer: d.issuer,
    region: d.region,
    from: d.from,
    to: d.to,
    articles: Object.entries(d.articles).map(([article, text]) => ({ article, text })),
  };
}

export function presentRule(r: Rule, cat: Catalog) {
  const doc = r.document;
  const cite = citer(cat, doc);
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    document: { code: doc.code, number: doc.number, title: doc.title, issuer: doc.issuer },
    subject: r.subject,
    subjectName: SUBJECT_KIND_NAMES[r.subject],
    beneficiary: r.beneficiary,
    fund: r.fund,
    fundName: FUND_NAMES[r.fund],
    region: r.region,
    period: { from: r.from, to: r.to },
    citations: r.articles.map((a) => cite(a)),
    limit: r.limit ? { ...r.limit, citation: cite(r.limit.article) } : null,
    /** A unit's claim under it names one laborer of the register (a post, a placement). */
    namesLaborer: r.subject !== 'person' && namesLaborer(r),
    parameters: Object.values(r.parameters).map((p) => ({
      name: p.name,
      label: p.label,
      unit: p.unit,
      values: p.values.map((v) => ({ from: v.from, to: v.to, value: v.value, citation: cite(v.article) })),
      setBy: p.setBy ?? null,
      setByName: p.setBy ? settingLevelName(p.setBy, r.region) : null,
      setByDigits: p.setBy ? SETTING_LEVEL_LENGTH[p.setBy] : null,
      citation: p.article ? cite(p.article) : null,
      choices: p.choices
        ? Object.entries(p.choices).map(([value, c]) => ({ value, label: c.label, citation: cite(c.article) }))
        : null,
    })),
    facts: Object.entries(r.formula.facts).map(([name, spec]) => ({
      name,
      ...spec,
      need: spec.need ?? 'eligibility',
      // A unit's claim naming a laborer reads that laborer's register facts and home village too.
      fromRegister:
        name in REGISTER_FACTS ? r.subject === 'person' || namesLaborer(r) : name === 'laborerHomeRegion' && namesLaborer(r),
      // Filled from the designated-county lists (区划认定) for the case's region and date when left out.
      fromDesignation: isRegionFact(name),
    })),
  };
}

export function presentCatalog(cat: Catalog) {
  return {
    documents: cat.documents.map(presentDocument),
    rules: cat.rules.map((r) => presentRule(r, cat)),
    statuses: DECISION_STATUS_NAMES,
    registerFacts: REGISTER_FACTS,
    regionFacts: REGION_FACTS,
  };
}

export function presentSetting(cat: Catalog, r: SettingRow) {
  const rule = cat.rules.find((x) => x.id === r.rule_id);
  const param = rule?.parameters[r.parameter];
  return {
    id: r.id,
    rule: r.rule_id,
    parameter: r.parameter,
    parameterLabel: param?.label ?? r.parameter,
    unit: param?.unit ?? null,
    region: r.region_code,
    from: r.valid_from,
    to: r.valid_to,
    value: param?.unit === 'choice' ? r.value : Number(r.value),
    valueLabel: param?.unit === 'choice' ? (param.choices?.[r.value]?.label ?? r.value) : null,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}
