-- Subsidy claims (补贴申领): one row per application of one rule to one beneficiary, with
-- the engine's decision (trace, citations, parameter version) recorded at application.
-- Steps: submitted (申报) -> reviewed (审核通过) -> publicized (公示中) -> approved (公示期满，待拨付)
-- -> batched (拨付中) -> paid (已拨付); or returned (退回修改), refused (不予通过), failed (拨付失败,
-- back to the queue), withdrawn (撤回).
CREATE TABLE claims (
  id                 bigserial PRIMARY KEY,
  number             text NOT NULL UNIQUE,               -- 申请编号, e.g. BT2019-000123
  rule_id            text NOT NULL,
  document_code      text NOT NULL,
  region_code        text NOT NULL CHECK (region_code ~ '^(\d{6}|\d{9}|\d{12})$'),
  subject_kind       text NOT NULL,
  person_id          bigint REFERENCES persons (id),
  subject_key        text NOT NULL,                      -- person:<id> or the unit's credit code: the key of frequency limits
  beneficiary_name   text NOT NULL,
  bank_name          text,
  bank_account       text,
  case_date          date NOT NULL,                      -- the day the entitlement arises
  claim_year         integer NOT NULL,
  facts              jsonb NOT NULL,
  decision           jsonb NOT NULL,                     -- the engine's decision with trace and citations
  parameter_version  text NOT NULL,
  amount_fen         bigint NOT NULL CHECK (amount_fen >= 0),
  fund_source        text NOT NULL CHECK (fund_source IN ('employment_fund', 'unemployment_insurance', 'poverty_fund', 'county_finance')),
  status             text NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'returned', 'reviewed', 'refused', 'publicized', 'approved', 'batched', 'paid', 'failed', 'withdrawn')),
  publicity_id       bigint,
  created_by         bigint REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1
);
CREATE INDEX claims_region_idx ON claims (region_code text_pattern_ops);
CREATE INDEX claims_rule_person_idx ON claims (rule_id, person_id, claim_year);
CREATE INDEX claims_status_idx ON claims (status, region_code text_pattern_ops);

-- Frequency limits held by the database: a live claim takes a slot (group, subject, window,
-- n); a refused or withdrawn claim gives it back. Two claims racing for the same person and
-- year cannot both hold the one slot, whatever the application code does.
CREATE TABLE claim_slots (
  limit_group  text NOT NULL,
  subject_key  text NOT NULL,
  window_key   text NOT NULL,                            -- '2019' for calendar-year limits, 'lifetime'
  slot         integer NOT NULL CHECK (slot >= 1),
  claim_id     bigint NOT NULL UNIQUE REFERENCES claims (id),
  region_code  text NOT NULL,
  PRIMARY KEY (limit_group, subject_key, window_key, slot)
);

GRANT SELECT, INSERT, UPDATE ON claims TO bangfu_app;
GRANT SELECT, INSERT, DELETE ON claim_slots TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;
ALTER TABLE claims ENABLE ROW LEVEL SECURITY;
ALTER TABLE claim_slots ENABLE ROW LEVEL SECURITY;
CREATE POLICY claims_scope ON claims TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY claim_slots_scope ON claim_slots TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
