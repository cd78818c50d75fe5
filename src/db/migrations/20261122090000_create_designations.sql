-- Designated counties (区划认定): the lists of 贫困县 and 深度贫困县 a province publishes, and
-- the counties on each. Rules read them as facts (岗位补贴's 贫困地区, 乡村公共服务岗位's
-- 深度贫困县), so they are kept like the rules' own parameters: a list is never rewritten; a
-- county on a list may only gain the day it left it (退出、摘帽), and only an earlier one.
CREATE TABLE designation_lists (
  id             bigserial PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('poor_county', 'deep_poverty_county')),
  province_code  text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  title          text NOT NULL CHECK (btrim(title) <> ''),
  basis          text NOT NULL CHECK (btrim(basis) <> ''),
  valid_from     date NOT NULL,
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  -- One list of a kind per province and day: the next list starts on a later day.
  UNIQUE (kind, province_code, valid_from)
);

CREATE TABLE designation_members (
  id           bigserial PRIMARY KEY,
  list_id      bigint NOT NULL REFERENCES designation_lists (id),
  county_code  text NOT NULL CHECK (county_code ~ '^\d{6}$'),
  -- The county's name when it was put on the list (the region may be renamed later).
  county_name  text NOT NULL,
  -- The first day the county is no longer designated; null while it is.
  until        date,
  until_basis  text NOT NULL DEFAULT '',
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (list_id, county_code)
);

CREATE FUNCTION designation_members_close_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.list_id <> OLD.list_id OR NEW.county_code <> OLD.county_code OR NEW.county_name <> OLD.county_name
     OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'designation_members: only until may change (member %)', OLD.id;
  END IF;
  IF OLD.until IS NOT NULL AND (NEW.until IS NULL OR NEW.until > OLD.until) THEN
    RAISE EXCEPTION 'designation_members: a county that left a list cannot be put back by an edit (member %)', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER designation_members_close_only BEFORE UPDATE ON designation_members
  FOR EACH ROW EXECUTE FUNCTION designation_members_close_only();

GRANT SELECT, INSERT ON designation_lists, designation_members TO bangfu_app;
GRANT UPDATE (until, until_basis) ON designation_members TO bangfu_app;
GRANT USAGE ON SEQUENCE designation_lists_id_seq, designation_members_id_seq TO bangfu_app;
ALTER TABLE designation_lists ENABLE ROW LEVEL SECURITY;
ALTER TABLE designation_members ENABLE ROW LEVEL SECURITY;
-- Everyone reads every list (an employer's case in one county needs its province's list);
-- writes only by a user whose scope holds the whole province.
CREATE POLICY designation_lists_read ON designation_lists FOR SELECT TO bangfu_app USING (true);
CREATE POLICY designation_lists_insert ON designation_lists FOR INSERT TO bangfu_app WITH CHECK (in_scope(province_code));
CREATE POLICY designation_members_read ON designation_members FOR SELECT TO bangfu_app USING (true);
CREATE POLICY designation_members_insert ON designation_members FOR INSERT TO bangfu_app
  WITH CHECK (in_scope(left(county_code, 2)));
CREATE POLICY designation_members_update ON designation_members FOR UPDATE TO bangfu_app
  USING (in_scope(left(county_code, 2))) WITH CHECK (in_scope(left(county_code, 2)));
