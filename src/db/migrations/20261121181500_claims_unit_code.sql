-- The 统一社会信用代码 of the unit a claim pays (an employer, a workshop, an agency). subject_key
-- held it, except where a per-laborer limit keys the claim by the laborer (POST-HN, SVC-HN, the
-- export service subsidies: person:<id>), and then which unit was paid for the laborer was known
-- only by its name and bank account. Null for a person's own claim, and for those earlier
-- per-laborer claims whose code was not kept.
ALTER TABLE claims ADD COLUMN unit_code text
  CHECK (unit_code IS NULL OR unit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$');

UPDATE claims SET unit_code = subject_key
 WHERE subject_kind <> 'person' AND subject_key ~ '^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';
UPDATE claims c SET unit_code = e.credit_code
  FROM employers e
 WHERE c.unit_code IS NULL AND c.employer_id = e.id;
