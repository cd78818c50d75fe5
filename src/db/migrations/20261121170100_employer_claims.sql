-- Employer self-service claims (用人单位自行申报): an employer account applies for the subsidies
-- whose subject is its own unit, follows them, uploads evidence, withdraws and resubmits.
--
-- A claim filed by an employer records which employer applied (employer_id); its region is
-- the employer's region, so the county office of that region reviews it in its normal queue.
-- Under the scope 'employer:<id>' the policies below let the account read only its own claims
-- (with their events, evidence and payments) and write only what its own steps write: a new
-- claim in status submitted, a returned or submitted claim moved to submitted or withdrawn,
-- the slot, event, ledger entry (decided / reversed) and audit entry of its own claims.
ALTER TABLE claims ADD COLUMN employer_id bigint REFERENCES employers (id);
-- The laborer a per-laborer claim is about, as the employer typed it and the register
-- confirmed (name, ID number masked): the employer cannot read the register, so its own list
-- shows these instead.
ALTER TABLE claims ADD COLUMN laborer_name text;
ALTER TABLE claims ADD COLUMN laborer_id_masked text;
CREATE INDEX claims_employer_idx ON claims (employer_id, id) WHERE employer_id IS NOT NULL;

-- Is the claim one the current employer scope filed? (Evaluated under the caller's RLS; an
-- officer's scope answers false before looking, so officers' reads pay nothing for it.)
CREATE FUNCTION is_own_employer_claim(claim bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT bangfu_scope() LIKE 'employer:%'
     AND EXISTS (SELECT 1 FROM claims c WHERE c.id = claim AND is_employer_scope(c.employer_id))
$$;

CREATE POLICY claims_employer_read ON claims FOR SELECT TO bangfu_app
  USING (is_employer_scope(employer_id));
CREATE POLICY claims_employer_insert ON claims FOR INSERT TO bangfu_app
  WITH CHECK (is_employer_scope(employer_id) AND status = 'submitted');
-- Withdraw (submitted/returned -> withdrawn) and resubmit (returned -> submitted) only.
CREATE POLICY claims_employer_update ON claims FOR UPDATE TO bangfu_app
  USING (is_employer_scope(employer_id) AND status IN ('submitted', 'returned'))
  WITH CHECK (is_employer_scope(employer_id) AND status IN ('submitted', 'withdrawn'));

CREATE POLICY claim_slots_employer ON claim_slots TO bangfu_app
  USING (is_own_employer_claim(claim_id)) WITH CHECK (is_own_employer_claim(claim_id));
CREATE POLICY claim_events_employer_read ON claim_events FOR SELECT TO bangfu_app
  USING (is_own_employer_claim(claim_id));
CREATE POLICY claim_events_employer_insert ON claim_events FOR INSERT TO bangfu_app
  WITH CHECK (action IN ('submit', 'resubmit', 'withdraw') AND is_own_employer_claim(claim_id));
CREATE POLICY claim_evidence_employer_read ON claim_evidence FOR SELECT TO bangfu_app
  USING (is_own_employer_claim(claim_id));
CREATE POLICY claim_evidence_employer_insert ON claim_evidence FOR INSERT TO bangfu_app
  WITH CHECK (is_own_employer_claim(claim_id));
CREATE POLICY payments_employer_read ON payments FOR SELECT TO bangfu_app
  USING (is_own_employer_claim(claim_id));
CREATE POLICY ledger_entries_employer_insert ON ledger_entries FOR INSERT TO bangfu_app
  WITH CHECK (kind IN ('decided', 'reversed') AND payment_id IS NULL AND is_own_employer_claim(claim_id));
-- Audit entries of its own claims, under the claim's region so that the county office sees them.
CREATE POLICY audit_append_employer_claim ON audit_log FOR INSERT TO bangfu_app
  WITH CHECK (entity = 'claim'
    AND CASE WHEN entity_id ~ '^\d{1,18}$' THEN is_own_employer_claim(entity_id::bigint) ELSE false END);

-- An employer names the laborer of a per-laborer claim by ID number and name as on the labor
-- contract; it cannot read the register. Like locate_id_numbers, this definer function answers
-- only "whether": the person id and village of a current (not merged) laborer whose ID number
-- AND name both match, else nothing, so an ID number alone tells nobody whose it is.
CREATE FUNCTION find_register_person(p_id_number text, p_name text)
RETURNS TABLE (person_id bigint, village_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.village_code FROM persons p
   WHERE p.id_number = upper(btrim(p_id_number)) AND p.name = btrim(p_name) AND p.merged_into IS NULL
$$;
REVOKE ALL ON FUNCTION find_register_person(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION find_register_person(text, text) TO bangfu_app;

-- Resubmitting re-reads the laborer's register facts; the employer scope needs the village of
-- the laborer named on its own claim, and nothing else.
CREATE FUNCTION employer_claim_laborer_village(p_claim bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.village_code FROM claims c JOIN persons p ON p.id = c.person_id
   WHERE c.id = p_claim AND is_employer_scope(c.employer_id)
$$;
REVOKE ALL ON FUNCTION employer_claim_laborer_village(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION employer_claim_laborer_village(bigint) TO bangfu_app;
