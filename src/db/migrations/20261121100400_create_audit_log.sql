-- Append-only audit log with a hash chain: each entry's hash covers its content and the
-- previous entry's hash, so an edited or deleted entry breaks every hash after it.
CREATE TABLE audit_log (
  seq         bigint PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    bigint,
  actor_name  text NOT NULL,
  action      text NOT NULL,               -- person.update, spell.create, person.view_id, import.run ...
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  region_code text NOT NULL,
  before      jsonb,
  after       jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_region_idx ON audit_log (region_code text_pattern_ops);

-- The chain head: locked FOR UPDATE by each writer, so entries get consecutive numbers.
CREATE TABLE audit_head (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head VALUES (true, 0, repeat('0', 64));

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只能追加，不能修改或删除' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
