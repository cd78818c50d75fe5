-- An employer is held by the office that registered it (office_code), which may be far from
-- where the employer is registered (region_code): a Huize county office registers a Shenzhen
-- factory to send its laborers there (有组织劳务输出). Write access follows the office, not
-- the employer's location.
ALTER TABLE employers ADD COLUMN office_code text;
UPDATE employers SET office_code = region_code;
ALTER TABLE employers ALTER COLUMN office_code SET NOT NULL;
ALTER TABLE employers ADD CONSTRAINT employers_office_code_check
  CHECK (office_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$');
CREATE INDEX employers_office_idx ON employers (office_code text_pattern_ops);

-- Writers that do not name an office (the demo seed) register under the employer's region.
CREATE FUNCTION employers_default_office() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.office_code := coalesce(NEW.office_code, NEW.region_code);
  RETURN NEW;
END $$;
CREATE TRIGGER employers_default_office BEFORE INSERT ON employers
  FOR EACH ROW EXECUTE FUNCTION employers_default_office();

DROP POLICY employers_write ON employers;
DROP POLICY employers_update ON employers;
CREATE POLICY employers_write ON employers FOR INSERT TO bangfu_app WITH CHECK (in_scope(office_code));
CREATE POLICY employers_update ON employers FOR UPDATE TO bangfu_app
  USING (in_scope(office_code)) WITH CHECK (in_scope(office_code));
