-- The register's change feed: which persons' rule facts changed, and in which transaction.
-- 政策找人 keeps the register of a province in memory (src/modules/rules/snapshot) and, before
-- each run, reloads only the persons written since it last looked instead of re-reading a
-- million rows. Ordering is by transaction id, not by a sequence: a sequence value is taken
-- before commit, so a later reader could pass over a change still in flight; every transaction
-- not yet visible to a reader has an xid at or above that reader's snapshot xmin, so "changes
-- with xid >= the xmin of my last read" misses none (it may re-read a few, which is harmless).
CREATE TABLE register_changes (
  xid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  person_id    bigint NOT NULL,
  village_code text NOT NULL,                      -- the person's village at the time (old and new on a move)
  changed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX register_changes_xid_idx ON register_changes (xid);
CREATE INDEX register_changes_changed_at_idx ON register_changes (changed_at);

ALTER TABLE register_changes ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON register_changes TO bangfu_app;
CREATE POLICY register_changes_read ON register_changes FOR SELECT TO bangfu_app USING (in_scope(village_code));

-- Statement-level triggers with transition tables: one INSERT ... SELECT per statement, so a
-- 5,000-row import chunk adds one statement, not 5,000. They run as the table owner so that a
-- writer in any scope (an officer, the laborer's own session) records its change.
CREATE FUNCTION register_changes_from_persons() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO register_changes (person_id, village_code) SELECT id, village_code FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- the old village too: a person who moved out of a province must leave its snapshot
    INSERT INTO register_changes (person_id, village_code) SELECT id, village_code FROM old_rows;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION register_changes_from_spells() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO register_changes (person_id, village_code) SELECT person_id, village_code FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO register_changes (person_id, village_code) SELECT person_id, village_code FROM old_rows;
  END IF;
  RETURN NULL;
END $$;

-- A household's type or relocation is a fact of each of its members.
CREATE FUNCTION register_changes_from_households() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO register_changes (person_id, village_code)
  SELECT p.id, p.village_code
  FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN persons p ON p.household_id = n.id
  WHERE n.type IS DISTINCT FROM o.type OR n.relocated IS DISTINCT FROM o.relocated;
  RETURN NULL;
END $$;

CREATE TRIGGER persons_changes_ins AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_changes_from_persons();
CREATE TRIGGER persons_changes_upd AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_changes_from_persons();
CREATE TRIGGER persons_changes_del AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION register_changes_from_persons();
CREATE TRIGGER spells_changes_ins AFTER INSERT ON employment_spells
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_changes_from_spells();
CREATE TRIGGER spells_changes_upd AFTER UPDATE ON employment_spells
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_changes_from_spells();
CREATE TRIGGER spells_changes_del AFTER DELETE ON employment_spells
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION register_changes_from_spells();
CREATE TRIGGER households_changes_upd AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_changes_from_households();

-- The feed is kept two days: a snapshot that has not looked for longer reads the register anew.
CREATE FUNCTION prune_register_changes() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  DELETE FROM register_changes WHERE changed_at < now() - interval '2 days'
$$;
REVOKE ALL ON FUNCTION prune_register_changes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION prune_register_changes() TO bangfu_app;
