-- 撤回同意: a laborer that agreed the employer of a recommended job may see its name and phone
-- (consent_at) may take that back from its portal, and give it again later.
--
-- The withdrawal is a dated column like every other step of a recommendation, and each
-- change is an audit entry holding the values it replaced (the same mechanism as seen,
-- interested, consent…). Consent is in force while consent_at is set and no withdrawal at or
-- after it is recorded; giving it again stamps a consent_at later than the withdrawal. Neither
-- column is ever cleared, so the row always shows that consent was given and withdrawn.
ALTER TABLE recommendations ADD COLUMN consent_withdrawn_at timestamptz;
ALTER TABLE recommendations ADD CONSTRAINT recommendations_withdrawal_of_consent
  CHECK (consent_withdrawn_at IS NULL OR consent_at IS NOT NULL);

-- What a laborer may record on its own recommendation (migration 20261121170200 named the
-- columns it must keep; this one names the columns it may change, so a column added later is
-- kept by default). The person check repeats the row-level policy as a second lock.
CREATE OR REPLACE FUNCTION recommendations_laborer_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  me constant bigint := bangfu_person();
  recordable constant text[] := ARRAY[
    'seen_at', 'interested_at', 'consent_at', 'consent_withdrawn_at', 'declined_at', 'decline_reason', 'version'];
  in_force constant boolean :=
    OLD.consent_at IS NOT NULL AND (OLD.consent_withdrawn_at IS NULL OR OLD.consent_withdrawn_at < OLD.consent_at);
BEGIN
  IF me IS NULL THEN
    RETURN NEW;
  END IF;
  IF OLD.person_id IS DISTINCT FROM me OR NEW.person_id IS DISTINCT FROM me THEN
    RAISE EXCEPTION 'a laborer may record only on its own recommendation, not on %', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (to_jsonb(NEW) - recordable) IS DISTINCT FROM (to_jsonb(OLD) - recordable) THEN
    RAISE EXCEPTION 'a laborer may record only seen, interested, consent, its withdrawal and declined on its recommendation %', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- A withdrawal ends a consent in force; it is never erased nor dated before that consent.
  IF NEW.consent_withdrawn_at IS DISTINCT FROM OLD.consent_withdrawn_at
     AND (NEW.consent_withdrawn_at IS NULL OR NOT in_force OR NEW.consent_withdrawn_at < OLD.consent_at) THEN
    RAISE EXCEPTION 'a laborer may withdraw only a consent in force on its recommendation %', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Consent is given when none is in force (again: after the withdrawal) and is never erased.
  IF NEW.consent_at IS DISTINCT FROM OLD.consent_at
     AND (NEW.consent_at IS NULL OR in_force
          OR (NEW.consent_withdrawn_at IS NOT NULL AND NEW.consent_at <= NEW.consent_withdrawn_at)) THEN
    RAISE EXCEPTION 'a laborer may give consent only when none is in force on its recommendation %', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- The laborer's inbox: the service writes only read_at (marking a message read), and no other
-- session of the application role writes a delivered message at all (the outbox dispatcher
-- writes them as the connecting role). Every session runs as bangfu_app, a laborer's too
-- (its scope, not its role, tells it apart), so the column grant is given to that role, as
-- for rule_settings (valid_to): title, body, person and region of a message stay as sent.
REVOKE UPDATE ON inapp_messages FROM bangfu_app;
GRANT UPDATE (read_at) ON inapp_messages TO bangfu_app;
