-- 政策找人 as a background run: everyone under a region who qualifies for a person rule on
-- the register's facts on a date and holds no live claim of the rule's limit group, stored
-- so that the list can be paged, filtered by village, exported for the village cadres and
-- compared with later runs, at the scale of a province (a million laborers) without making
-- a request wait. Progress commits with each chunk; a run stopped by a restart resumes.
CREATE TABLE find_runs (
  id              bigserial PRIMARY KEY,
  rule_id         text NOT NULL,
  region_code     text NOT NULL CHECK (region_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'),
  case_date       date NOT NULL,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total           integer NOT NULL DEFAULT 0,      -- persons to evaluate (counted when the run starts)
  evaluated       integer NOT NULL DEFAULT 0,
  qualified       integer NOT NULL DEFAULT 0,      -- eligible or amount not set, not yet claimed: the list
  already_claimed integer NOT NULL DEFAULT 0,      -- would qualify, but hold a live claim in the window
  amount_not_set  integer NOT NULL DEFAULT 0,      -- of the list: eligible, the region has not set the amount
  amount_fen      bigint NOT NULL DEFAULT 0,       -- of the list: sum of fixed amounts
  max_amount_fen  bigint NOT NULL DEFAULT 0,       -- of the list: sum of the caps of "up to" amounts
  cursor_person   bigint NOT NULL DEFAULT 0,
  worker          text,
  message         text NOT NULL DEFAULT '',
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz
);
CREATE INDEX find_runs_region_idx ON find_runs (region_code text_pattern_ops, id DESC);

CREATE TABLE find_results (
  run_id         bigint NOT NULL REFERENCES find_runs (id),
  person_id      bigint NOT NULL REFERENCES persons (id),
  region_code    text NOT NULL,                    -- the person's village
  status         text NOT NULL CHECK (status IN ('eligible', 'amount_not_set')),
  amount_fen     bigint,                           -- fixed amount, or null
  max_amount_fen bigint,                           -- the cap of an "up to" amount, or null
  message        text NOT NULL,                    -- the engine's conclusion in Chinese
  PRIMARY KEY (run_id, person_id)
);
CREATE INDEX find_results_village_idx ON find_results (run_id, region_code text_pattern_ops, person_id);

ALTER TABLE find_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE find_results ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON find_runs, find_results TO bangfu_app;
CREATE POLICY find_runs_scope ON find_runs TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY find_results_scope ON find_results TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
GRANT USAGE ON SEQUENCE find_runs_id_seq TO bangfu_app;
GRANT UPDATE ON find_runs TO bangfu_app;
