-- Job fairs (招聘会: at least two a year per county, seed 000 五) with the jobs present, the
-- laborers invited, their attendance and hires; and organized labor export batches
-- (有组织劳务输出) whose members' stability at 3 and 6 months is derived from the
-- employment spells the departure created.

CREATE TABLE job_fairs (
  id            bigserial PRIMARY KEY,
  region_code   text NOT NULL CHECK (region_code ~ '^(\d{6}|\d{9}|\d{12})$'), -- the county (or a township, village) holding it
  title         text NOT NULL,
  fair_date     date NOT NULL,
  venue         text NOT NULL DEFAULT '',
  kind          text NOT NULL DEFAULT 'onsite' CHECK (kind IN ('onsite', 'online')),
  status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX job_fairs_region_idx ON job_fairs (region_code text_pattern_ops, fair_date);

CREATE TABLE job_fair_jobs (
  fair_id       bigint NOT NULL REFERENCES job_fairs (id),
  job_id        bigint NOT NULL REFERENCES job_posts (id),
  region_code   text NOT NULL,                  -- the fair's region
  PRIMARY KEY (fair_id, job_id)
);

CREATE TABLE job_fair_invitations (
  fair_id       bigint NOT NULL REFERENCES job_fairs (id),
  person_id     bigint NOT NULL REFERENCES persons (id),
  region_code   text NOT NULL,                  -- the laborer's village
  invited_at    timestamptz NOT NULL DEFAULT now(),
  attended      boolean,                        -- null until the fair is held
  hired_job_id  bigint REFERENCES job_posts (id),
  spell_id      bigint REFERENCES employment_spells (id),
  PRIMARY KEY (fair_id, person_id),
  CHECK ((hired_job_id IS NULL) = (spell_id IS NULL)),
  CHECK (hired_job_id IS NULL OR attended)
);
CREATE INDEX job_fair_invitations_region_idx ON job_fair_invitations (region_code text_pattern_ops);

CREATE TABLE export_batches (
  id                 bigserial PRIMARY KEY,
  region_code        text NOT NULL CHECK (region_code ~ '^(\d{6}|\d{9}|\d{12})$'), -- origin (the organizing county or township)
  destination_code   text CHECK (destination_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'),
  destination        text NOT NULL,             -- as written, e.g. 广东省东莞市长安镇
  employer_id        bigint NOT NULL REFERENCES employers (id),
  job_id             bigint REFERENCES job_posts (id),
  transport          text NOT NULL CHECK (transport IN ('包车', '火车', '飞机', '自行前往', '其他')),
  departure_date     date NOT NULL,
  leader             text NOT NULL DEFAULT '',  -- 带队人
  status             text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'departed', 'cancelled')),
  created_by         bigint REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  departed_at        timestamptz,
  version            integer NOT NULL DEFAULT 1
);
CREATE INDEX export_batches_region_idx ON export_batches (region_code text_pattern_ops, departure_date);

CREATE TABLE export_batch_members (
  batch_id      bigint NOT NULL REFERENCES export_batches (id),
  person_id     bigint NOT NULL REFERENCES persons (id),
  region_code   text NOT NULL,                  -- the laborer's village
  spell_id      bigint REFERENCES employment_spells (id), -- created when the batch departs
  added_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, person_id)
);
CREATE INDEX export_batch_members_region_idx ON export_batch_members (region_code text_pattern_ops);

GRANT SELECT, INSERT, UPDATE ON job_fairs, job_fair_jobs, job_fair_invitations, export_batches, export_batch_members TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;
ALTER TABLE job_fairs ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_fair_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_fair_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE export_batches ENABLE ROW LEVEL SECURITY;
ALTER TABLE export_batch_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY job_fairs_scope ON job_fairs TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY job_fair_jobs_scope ON job_fair_jobs TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY job_fair_invitations_scope ON job_fair_invitations TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY export_batches_scope ON export_batches TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY export_batch_members_scope ON export_batch_members TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
