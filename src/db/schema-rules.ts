// Kysely types of the rules engine's tables (regional settings of parameters).
export type RulesTables = Record<never, never>;
