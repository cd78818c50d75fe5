-- Regional settings of rule parameters that a document leaves to a region (标准由各盟市确定):
-- one row per period. A new value starts a new period and closes the previous one; an
-- earlier period is never rewritten (the service refuses a start on or before the latest
-- start, and the application role may only shorten an open period's end).
CREATE TABLE rule_settings (
  id           bigserial PRIMARY KEY,
  rule_id      text NOT NULL,
  parameter    text NOT NULL,
  region_code  text NOT NULL CHECK (region_code ~ '^(\d{2}|\d{4}|\d{6})$'),
  valid_from   date NOT NULL,
  valid_to     date,
  value        text NOT NULL,
  note         text NOT NULL DEFAULT '',
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  UNIQUE (rule_id, parameter, region_code, valid_from)
);
CREATE INDEX rule_settings_lookup_idx ON rule_settings (rule_id, parameter, region_code, valid_from);
-- At most one open-ended period per rule, parameter and region.
CREATE UNIQUE INDEX rule_settings_open_key ON rule_settings (rule_id, parameter, region_code) WHERE valid_to IS NULL;

-- Only the end of a period may change, and only to close it earlier: the value, the region
-- and the start of a period already in force stay as they were.
CREATE FUNCTION rule_settings_close_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.rule_id <> OLD.rule_id OR NEW.parameter <> OLD.parameter OR NEW.region_code <> OLD.region_code
     OR NEW.valid_from <> OLD.valid_from OR NEW.value <> OLD.value OR NEW.note <> OLD.note
     OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'rule_settings: only valid_to may change (period %)', OLD.id;
  END IF;
  IF OLD.valid_to IS NOT NULL AND (NEW.valid_to IS NULL OR NEW.valid_to > OLD.valid_to) THEN
    RAISE EXCEPTION 'rule_settings: a closed period cannot be reopened or extended (period %)', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER rule_settings_close_only BEFORE UPDATE ON rule_settings
  FOR EACH ROW EXECUTE FUNCTION rule_settings_close_only();

GRANT SELECT, INSERT ON rule_settings TO bangfu_app;
GRANT UPDATE (valid_to) ON rule_settings TO bangfu_app;
GRANT USAGE ON SEQUENCE rule_settings_id_seq TO bangfu_app;
ALTER TABLE rule_settings ENABLE ROW LEVEL SECURITY;
-- Everyone reads every setting (a Huize laborer's case needs Qujing's and Yunnan's values);
-- writes only inside the scope.
CREATE POLICY rule_settings_read ON rule_settings FOR SELECT TO bangfu_app USING (true);
CREATE POLICY rule_settings_insert ON rule_settings FOR INSERT TO bangfu_app WITH CHECK (in_scope(region_code));
CREATE POLICY rule_settings_update ON rule_settings FOR UPDATE TO bangfu_app
  USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
