-- An employer's own login (role employer, bound to one employer) and the job post imports.
--
-- An employer account works under the scope 'employer:<id>' (see src/modules/auth): no
-- region code starts with it, so every register table stays invisible to it, and the
-- policies below let it write only its own employer record and job posts.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('province', 'city', 'county', 'township', 'village', 'auditor', 'admin', 'employer'));
ALTER TABLE users ADD COLUMN employer_id bigint REFERENCES employers (id);
ALTER TABLE users ADD CONSTRAINT users_employer_bound CHECK ((role = 'employer') = (employer_id IS NOT NULL));
CREATE INDEX users_employer_idx ON users (employer_id) WHERE employer_id IS NOT NULL;

CREATE FUNCTION is_employer_scope(employer bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT bangfu_scope() = 'employer:' || employer::text
$$;

CREATE POLICY employers_self_update ON employers FOR UPDATE TO bangfu_app
  USING (is_employer_scope(id)) WITH CHECK (is_employer_scope(id));
CREATE POLICY job_posts_employer_insert ON job_posts FOR INSERT TO bangfu_app
  WITH CHECK (is_employer_scope(employer_id) AND source = 'employer');
CREATE POLICY job_posts_employer_update ON job_posts FOR UPDATE TO bangfu_app
  USING (is_employer_scope(employer_id)) WITH CHECK (is_employer_scope(employer_id));
-- An employer's changes are audited under the region of the office that holds the post, so
-- that office sees them; the employer may append entries about employers and posts only.
CREATE POLICY audit_append_employer ON audit_log FOR INSERT TO bangfu_app
  WITH CHECK (bangfu_scope() LIKE 'employer:%' AND entity IN ('employer', 'job_post'));

-- The status people see (src/domain/jobs/job-input.ts effectiveJobStatus, same rule):
-- an open post is filled once every opening is taken and expired after its validity or its
-- season ends (dates in Asia/Shanghai).
CREATE VIEW job_posts_current WITH (security_invoker = true) AS
SELECT jp.*,
  CASE
    WHEN jp.status <> 'open' THEN jp.status
    WHEN jp.filled >= jp.openings THEN 'filled'
    WHEN jp.valid_until < (now() AT TIME ZONE 'Asia/Shanghai')::date
      OR jp.season_to < (now() AT TIME ZONE 'Asia/Shanghai')::date THEN 'expired'
    ELSE 'open'
  END AS effective_status
FROM job_posts jp;
GRANT SELECT ON job_posts_current TO bangfu_app;

-- A job post file taken in: counts, and the rejected rows exactly as the file had them with
-- their reasons, so the error report can be downloaded later.
CREATE TABLE job_imports (
  id          bigserial PRIMARY KEY,
  region_code text NOT NULL,                    -- the collecting office (scope of the rows)
  file_name   text NOT NULL,
  sha256      text NOT NULL,
  rows        integer NOT NULL,
  imported    integer NOT NULL,
  rejected    integer NOT NULL,
  headers     text[] NOT NULL,
  errors      jsonb NOT NULL DEFAULT '[]',     -- [{rowNumber, cells, reasons: [{column, value, reason}]}]
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_imports_region_idx ON job_imports (region_code text_pattern_ops);
GRANT SELECT, INSERT ON job_imports TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;
ALTER TABLE job_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY job_imports_scope ON job_imports TO bangfu_app
  USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));

