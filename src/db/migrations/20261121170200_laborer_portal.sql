-- 劳动者服务: a laborer of the register logs in without a password (ID number + the phone
-- in the register + a one-time code sent by SMS) and sees its own record, recommendations,
-- policies and claims.
--
-- A laborer's session is an ordinary users row (role laborer, person_id set, created on the
-- first login) so that sessions, CSRF, logout, audit actors and claims.created_by work as for
-- every other account (docs/ARCHITECTURE.md). It works under the scope 'person:<id>': no
-- region code starts with it, so every region-scoped policy hides everything; the policies
-- below let it read its own rows and nothing else.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('province', 'city', 'county', 'township', 'village', 'auditor', 'admin', 'employer', 'laborer'));
ALTER TABLE users ADD COLUMN person_id bigint UNIQUE REFERENCES persons (id);
ALTER TABLE users ADD CONSTRAINT users_laborer_bound CHECK ((role = 'laborer') = (person_id IS NOT NULL));

-- Every request for a login code, matched or not: the per-phone and per-address limits count
-- what was asked, and wrong tries, expiry and lockout apply to an unmatched request exactly
-- as to a matched one, so no answer tells whether an ID number and phone match. A matched
-- request holds the code's salted SHA-256 only; the code itself exists in the SMS alone.
CREATE TABLE login_codes (
  id           bigserial PRIMARY KEY,
  id_hash      text NOT NULL,                      -- sha256 of the ID number as entered
  phone_hash   text NOT NULL,                      -- sha256 of the phone number as entered
  ip           text NOT NULL,
  person_id    bigint REFERENCES persons (id),     -- null when the ID number and phone did not match
  salt         text,
  code_hash    text,
  expires_at   timestamptz NOT NULL,
  attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  used_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((person_id IS NULL) = (code_hash IS NULL) AND (code_hash IS NULL) = (salt IS NULL))
);
CREATE INDEX login_codes_phone_idx ON login_codes (phone_hash, created_at);
CREATE INDEX login_codes_ip_idx ON login_codes (ip, created_at);
CREATE INDEX login_codes_pair_idx ON login_codes (id_hash, phone_hash, id DESC);
-- Login runs before there is a session (as the connecting role, like the password login); the
-- application role never needs this table.
REVOKE ALL ON login_codes FROM bangfu_app;

-- Who applied: the office (经办申报) or the laborer in the portal (本人申请).
-- 申报方式: an office, the laborer itself here, or an employer's own account (claims.employer_id).
ALTER TABLE claims ADD COLUMN applicant text NOT NULL DEFAULT 'office' CHECK (applicant IN ('office', 'laborer', 'employer'));
UPDATE claims SET applicant = 'employer' WHERE employer_id IS NOT NULL;
ALTER TABLE claims ADD CONSTRAINT claims_employer_applicant CHECK ((applicant = 'employer') = (employer_id IS NOT NULL));

-- The person of a 'person:<id>' scope, null under any other scope.
CREATE FUNCTION bangfu_person() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN bangfu_scope() ~ '^person:\d{1,18}$' THEN substr(bangfu_scope(), 8)::bigint END
$$;

-- Its own register record, household and employment spells: read only.
CREATE POLICY persons_self_read ON persons FOR SELECT TO bangfu_app USING (id = bangfu_person());
CREATE POLICY households_self_read ON households FOR SELECT TO bangfu_app
  USING (id = (SELECT p.household_id FROM persons p WHERE p.id = bangfu_person()));
CREATE POLICY spells_self_read ON employment_spells FOR SELECT TO bangfu_app USING (person_id = bangfu_person());

-- Its recommendations (job posts and employers are readable by every scope already). It may
-- record what it did with one (seen, interested, consent, declined): the trigger below keeps
-- every other column as it was, which a policy cannot say.
CREATE POLICY recommendations_self_read ON recommendations FOR SELECT TO bangfu_app USING (person_id = bangfu_person());
CREATE POLICY recommendations_self_update ON recommendations FOR UPDATE TO bangfu_app
  USING (person_id = bangfu_person()) WITH CHECK (person_id = bangfu_person());
CREATE FUNCTION recommendations_laborer_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF bangfu_person() IS NOT NULL AND (
       NEW.id, NEW.run_id, NEW.person_id, NEW.job_id, NEW.region_code, NEW.rank, NEW.score, NEW.reasons,
       NEW.pushed_at, NEW.applied_at, NEW.interviewed_at, NEW.hired_on, NEW.spell_id, NEW.created_at
     ) IS DISTINCT FROM (
       OLD.id, OLD.run_id, OLD.person_id, OLD.job_id, OLD.region_code, OLD.rank, OLD.score, OLD.reasons,
       OLD.pushed_at, OLD.applied_at, OLD.interviewed_at, OLD.hired_on, OLD.spell_id, OLD.created_at
     ) THEN
    RAISE EXCEPTION 'a laborer may record only seen, interested, consent and declined on its recommendation %', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER recommendations_laborer_columns BEFORE UPDATE ON recommendations
  FOR EACH ROW EXECUTE FUNCTION recommendations_laborer_columns();

-- Its claims with their events, evidence list and payments (the presenter masks the account).
CREATE POLICY claims_self_read ON claims FOR SELECT TO bangfu_app USING (person_id = bangfu_person());
CREATE POLICY claim_events_self_read ON claim_events FOR SELECT TO bangfu_app
  USING (EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_id AND c.person_id = bangfu_person()));
CREATE POLICY claim_evidence_self_read ON claim_evidence FOR SELECT TO bangfu_app
  USING (EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_id AND c.person_id = bangfu_person()));
CREATE POLICY payments_self_read ON payments FOR SELECT TO bangfu_app
  USING (EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_id AND c.person_id = bangfu_person()));

-- What it does to its recommendations is audited under its village, so the village sees it.
CREATE POLICY audit_append_laborer ON audit_log FOR INSERT TO bangfu_app
  WITH CHECK (
    bangfu_person() IS NOT NULL AND entity = 'recommendation'
    AND region_code = (SELECT p.village_code FROM persons p WHERE p.id = bangfu_person())
  );
