-- The application works under bangfu_app, a role without superuser or BYPASSRLS, and each
-- request sets bangfu.scope (a region code prefix) for its transaction. Rows outside the
-- prefix are invisible even to a query that forgets its WHERE clause.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bangfu_app') THEN
    CREATE ROLE bangfu_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
-- The connecting role must be able to SET ROLE bangfu_app (superusers always can).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT bangfu_app TO %I', current_user);
  END IF;
END $$;

-- An unset scope matches nothing: coalesce to a value no code starts with.
CREATE FUNCTION bangfu_scope() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('bangfu.scope', true), ''), 'none')
$$;
CREATE FUNCTION in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT code LIKE bangfu_scope() || '%'
$$;

GRANT USAGE ON SCHEMA public TO bangfu_app;
GRANT SELECT ON regions, region_changes, region_loads TO bangfu_app;
GRANT SELECT, INSERT, UPDATE ON households, persons, employment_spells, duplicate_candidates TO bangfu_app;
GRANT SELECT, INSERT, UPDATE ON imports, import_errors TO bangfu_app;
GRANT SELECT ON users TO bangfu_app;
GRANT SELECT, INSERT ON audit_log TO bangfu_app;
GRANT SELECT, UPDATE ON audit_head TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;

ALTER TABLE households ENABLE ROW LEVEL SECURITY;
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE employment_spells ENABLE ROW LEVEL SECURITY;
ALTER TABLE duplicate_candidates ENABLE ROW LEVEL SECURITY;
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;

CREATE POLICY households_scope ON households TO bangfu_app
  USING (in_scope(village_code)) WITH CHECK (in_scope(village_code));
CREATE POLICY persons_scope ON persons TO bangfu_app
  USING (in_scope(village_code)) WITH CHECK (in_scope(village_code));
CREATE POLICY spells_scope ON employment_spells TO bangfu_app
  USING (in_scope(village_code)) WITH CHECK (in_scope(village_code));
CREATE POLICY duplicates_scope ON duplicate_candidates TO bangfu_app
  USING (in_scope(village_code)) WITH CHECK (in_scope(village_code));
CREATE POLICY imports_scope ON imports TO bangfu_app
  USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
-- Audit entries are readable within scope; any entry may be appended (an action inside the
-- scope can only produce entries for it, which the service guarantees).
CREATE POLICY audit_read ON audit_log FOR SELECT TO bangfu_app USING (in_scope(region_code));
CREATE POLICY audit_append ON audit_log FOR INSERT TO bangfu_app WITH CHECK (in_scope(region_code));

ALTER TABLE import_errors ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_errors_scope ON import_errors TO bangfu_app
  USING (EXISTS (SELECT 1 FROM imports i WHERE i.id = import_id))
  WITH CHECK (EXISTS (SELECT 1 FROM imports i WHERE i.id = import_id));

-- Uniqueness of ID numbers is national, but a village collector may not read other
-- villages. This definer function answers only where an existing ID number is registered.
CREATE FUNCTION locate_id_numbers(ids text[])
RETURNS TABLE (id_number text, person_id bigint, village_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id_number, p.id, p.village_code FROM persons p WHERE p.id_number = ANY (ids)
$$;
REVOKE ALL ON FUNCTION locate_id_numbers(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION locate_id_numbers(text[]) TO bangfu_app;
