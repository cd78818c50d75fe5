// What a formula sees while it runs: its facts, its parameters on the case date, and a
// trace it writes as it checks each condition. With tracing off (batch runs over the whole
// register) the same formula runs without building the trace.
import { settingOn, settingRegionFor, valueOn } from './parameters.ts';
import type { CheckDetail, Outcome, Rule, RuleContext } from './rule.ts';
import type { Case, Citation, FactSpecs, FactValue, ParameterUse, RegionalSetting, TraceStep } from './types.ts';
import { parseArticleRef, settingLevelName } from './types.ts';

/** Thrown by `param` when the value is left to a region that has not set it. */
export class ParameterNotSet extends Error {
  constructor(
    readonly parameter: string,
    readonly label: string,
    readonly region: string,
    readonly level: string,
  ) {
    super(`「${label}」标准尚未由${level}（区划 ${region}）设定`);
  }
}

/**
 * Thrown by `fact` when screening (`EvaluateOptions.screen`) reaches a fact the case does not
 * have: the conditions checked before it stand, the rest cannot be judged yet.
 */
export class FactUnknown extends Error {
  constructor(readonly fact: string) {
    super(`事实 ${fact} 待核实`);
  }
}

export class EvaluationContext<F extends FactSpecs> implements RuleContext<F> {
  readonly trace: TraceStep[] = [];
  readonly parameters: ParameterUse[] = [];
  failed: string[] = [];

  constructor(
    readonly rule: Rule,
    readonly input: Case,
    private readonly facts: Record<string, unknown>,
    private readonly settings: readonly RegionalSetting[],
    readonly tracing: boolean,
    /** Screening: facts the case lacks, whose reading stops the formula with FactUnknown. */
    private readonly unknown?: ReadonlySet<string>,
  ) {}

  get date(): string {
    return this.input.date;
  }

  get region(): string {
    return this.input.region;
  }

  cite(article: string): Citation {
    return parseArticleRef(this.rule.document.code, article);
  }

  /** A fact the rule needs (the engine has made sure it is present and well-typed). */
  fact<K extends keyof F & string>(name: K): FactValue<F[K]> {
    // Absent outside screening: batch runs read facts millions of times and pay one branch.
    if (this.unknown?.has(name)) throw new FactUnknown(name);
    return this.facts[name] as FactValue<F[K]>;
  }

  /** A fact that may be missing (need: amount or optional). */
  maybe<K extends keyof F & string>(name: K): FactValue<F[K]> | undefined {
    return this.facts[name] as FactValue<F[K]> | undefined;
  }

  /** A numeric parameter in force on the case date (fen, count, months, percent...). */
  param(name: string): number {
    const v = this.resolve(name);
    if (typeof v !== 'number') throw new Error(`参数 ${this.rule.id}.${name} 不是数值`);
    return v;
  }

  /** A 'choice' parameter (e.g. which reading of a conflicting text a county applies). */
  choice(name: string): string {
    return String(this.resolve(name));
  }

  /** Records one condition with its value and article; returns whether it passed. */
  check(label: string, passed: boolean, detail: CheckDetail): boolean {
    if (!passed) this.failed.push(label);
    if (this.tracing) {
      this.trace.push({
        kind: 'check',
        label,
        passed,
        value: detail.value === undefined ? undefined : String(detail.value),
        expected: detail.expected,
        cite: this.cite(detail.article),
      });
    }
    return passed;
  }

  /** Records a derived fact (no condition) in the trace, e.g. which cap a destination falls under. */
  note(label: string, value: string, article: string): void {
    if (this.tracing) this.trace.push({ kind: 'fact', label, value, cite: this.cite(article) });
  }

  pay(amountFen: number, basis: string, article: string): Outcome {
    return { kind: 'pay', amountFen: Math.max(0, Math.round(amountFen)), basis, article };
  }

  upTo(maxAmountFen: number, basis: string, article: string): Outcome {
    return { kind: 'up_to', maxAmountFen: Math.max(0, Math.round(maxAmountFen)), basis, article };
  }

  private resolve(name: string): number | string {
    const p = this.rule.parameters[name];
    if (p === undefined) throw new Error(`规则 ${this.rule.id} 没有参数 ${name}`);
    if (p.setBy !== undefined) {
      const s = settingOn(this.settings, this.rule.id, p, this.region, this.date);
      if (s === undefined) {
        throw new ParameterNotSet(
          name,
          p.label,
          settingRegionFor(p, this.region) ?? this.region,
          settingLevelName(p.setBy, this.region),
        );
      }
      if (this.tracing)
        this.use({
          name,
          label: p.label,
          value: s.value,
          unit: p.unit,
          from: s.from,
          to: s.to,
          source: s.id,
          region: s.region,
          cite: this.cite(p.article ?? this.rule.articles[0] ?? ''),
        });
      return s.value;
    }
    const v = valueOn(p.values, this.date);
    if (v === undefined) throw new Error(`规则 ${this.rule.id} 的参数「${p.label}」在 ${this.date} 没有取值`);
    if (this.tracing)
      this.use({
        name,
        label: p.label,
        value: v.value,
        unit: p.unit,
        from: v.from,
        to: v.to,
        source: 'document',
        cite: this.cite(v.article),
      });
    return v.value;
  }

  private use(u: ParameterUse): void {
    if (this.parameters.some((p) => p.name === u.name)) return;
    this.parameters.push(u);
    if (this.tracing) {
      this.trace.push({ kind: 'parameter', label: u.label, value: String(u.value), expected: u.unit, cite: u.cite });
    }
  }
}
