// Loads the matching model's numbers from config/matching-model.yaml (strictly validated: a
// typo in a weight name or a negative weight stops the server with a message naming the field)
// and the county centres for distances. Owned with src/domain/matching; see docs/matching.md.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { countyCentres, type GeoLookup, type MatchModel, SCORE_TERMS } from '../../domain/matching/index.ts';
import { WORK_CAPACITIES } from '../../domain/registry/vocabulary.ts';

export const MODEL_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../config/matching-model.yaml');

const points = z.number().min(0);
const demand = z.array(z.enum(['轻', '中', '重']));
const modelSchema = z
  .strictObject({
    version: z.string().min(1),
    topK: z.number().int().min(1).max(100),
    weights: z.strictObject(
      Object.fromEntries(SCORE_TERMS.map((t) => [t, points])) as Record<(typeof SCORE_TERMS)[number], typeof points>,
    ),
    skillStep: points,
    distanceZeroKm: z.number().positive(),
    localRadiusKm: points,
    wageFloorFen: z.number().int().min(0),
    wageCeilingFen: z.number().int().min(0),
    boardOneShare: z.number().min(0).max(1),
    defaultAgeMin: z.number().int().min(16),
    defaultAgeMaxMale: z.number().int().max(70),
    defaultAgeMaxFemale: z.number().int().max(70),
    capacityDemand: z.strictObject(
      Object.fromEntries(WORK_CAPACITIES.map((c) => [c, demand])) as Record<(typeof WORK_CAPACITIES)[number], typeof demand>,
    ),
    educationRank: z.record(z.string(), z.number().int().min(0)),
    workKinds: z.record(
      z.string().min(1),
      z.strictObject({ codes: z.array(z.string().min(1)), keywords: z.array(z.string().min(1)) }),
    ),
  })
  .refine((m) => m.wageCeilingFen > m.wageFloorFen, { message: 'wageCeilingFen 必须大于 wageFloorFen', path: ['wageCeilingFen'] })
  .refine((m) => Object.keys(m.workKinds).length <= 31, { message: '意向工种最多 31 类', path: ['workKinds'] });

export class MatchingModelError extends Error {}

/** Parses and validates the model's YAML text; the message names the field in Chinese. */
export function parseMatchModel(text: string, source = MODEL_FILE): MatchModel {
  const parsed = modelSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('；');
    throw new MatchingModelError(`匹配模型配置 ${source} 有误：${issues}`);
  }
  return parsed.data;
}

export function loadMatchModel(file = MODEL_FILE): MatchModel {
  return parseMatchModel(readFileSync(file, 'utf8'), file);
}

let cached: { model: MatchModel; geo: GeoLookup } | undefined;

/** The model and the county centres, read once per process. */
export function matchingSetup(): { model: MatchModel; geo: GeoLookup } {
  cached ??= { model: loadMatchModel(), geo: countyCentres() };
  return cached;
}
