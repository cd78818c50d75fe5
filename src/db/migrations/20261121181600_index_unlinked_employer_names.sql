-- An employer's page counts the region's current spells written under its exact name and linked
-- to no employer, and how many employers bear that name: look-ups by name that would otherwise
-- scan every spell of a county (and every employer) on each visit to the page.
CREATE INDEX spells_unlinked_employer_idx ON employment_spells (btrim(employer)) WHERE employer_id IS NULL;
CREATE INDEX employers_name_idx ON employers (btrim(name));
