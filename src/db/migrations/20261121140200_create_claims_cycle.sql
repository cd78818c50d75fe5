-- The rest of the subsidy cycle around `claims`: the events of each claim with comments,
-- evidence files, publicity lists (公示名单), payment batches with their lines, and the
-- append-only ledger (台账) in fen.

-- Every step a claim takes, with who took it and why. Append-only.
CREATE TABLE claim_events (
  id           bigserial PRIMARY KEY,
  claim_id     bigint NOT NULL REFERENCES claims (id),
  region_code  text NOT NULL,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  comment      text NOT NULL DEFAULT '',
  actor_id     bigint REFERENCES users (id),
  actor_name   text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_events_claim_idx ON claim_events (claim_id, id);

-- Evidence files (车票, 劳动合同, 工资表, 考勤表, 其他) kept under the data folder by their sha256.
CREATE TABLE claim_evidence (
  id           bigserial PRIMARY KEY,
  claim_id     bigint NOT NULL REFERENCES claims (id),
  region_code  text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('ticket', 'contract', 'payroll', 'attendance', 'other')),
  file_name    text NOT NULL,
  content_type text NOT NULL DEFAULT 'application/octet-stream',
  size_bytes   bigint NOT NULL CHECK (size_bytes >= 0),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by  bigint REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_evidence_claim_idx ON claim_evidence (claim_id);

-- Publicity lists: reviewed claims of a region are published for a period; objections return
-- a claim; closing the list after its period approves the claims still on it.
CREATE TABLE publicity_lists (
  id           bigserial PRIMARY KEY,
  region_code  text NOT NULL CHECK (region_code ~ '^(\d{6}|\d{9}|\d{12})$'),
  title        text NOT NULL,
  period_from  date NOT NULL,
  period_to    date NOT NULL,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  closed_at    timestamptz,
  version      integer NOT NULL DEFAULT 1,
  CHECK (period_to >= period_from)
);
CREATE INDEX publicity_lists_region_idx ON publicity_lists (region_code text_pattern_ops);

CREATE TABLE publicity_items (
  list_id      bigint NOT NULL REFERENCES publicity_lists (id),
  claim_id     bigint NOT NULL REFERENCES claims (id),
  region_code  text NOT NULL,
  amount_fen   bigint NOT NULL CHECK (amount_fen >= 0),
  outcome      text NOT NULL DEFAULT 'listed' CHECK (outcome IN ('listed', 'objected', 'approved')),
  objection    text NOT NULL DEFAULT '',
  PRIMARY KEY (list_id, claim_id)
);
-- A claim is on at most one open publicity at a time (it may return to a later list after an objection).
CREATE UNIQUE INDEX publicity_items_listed_key ON publicity_items (claim_id) WHERE outcome = 'listed';

-- Payment batches: approved claims of one fund source and region, sent to the bank as one file.
CREATE TABLE payment_batches (
  id            bigserial PRIMARY KEY,
  number        text NOT NULL UNIQUE,                     -- 批次号, e.g. PF530326-2019-000001
  fund_source   text NOT NULL CHECK (fund_source IN ('employment_fund', 'unemployment_insurance', 'poverty_fund', 'county_finance')),
  region_code   text NOT NULL CHECK (region_code ~ '^(\d{6}|\d{9}|\d{12})$'),
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'exported', 'reconciled')),
  line_count    integer NOT NULL CHECK (line_count >= 0),
  total_fen     bigint NOT NULL CHECK (total_fen >= 0),
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  exported_at   timestamptz,
  reconciled_at timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX payment_batches_region_idx ON payment_batches (region_code text_pattern_ops);

-- One line of a batch: one payment of one claim. A claim has at most one live payment
-- (pending at the bank or paid): the partial unique index makes paying twice impossible.
CREATE TABLE payments (
  id            bigserial PRIMARY KEY,
  batch_id      bigint NOT NULL REFERENCES payment_batches (id),
  claim_id      bigint NOT NULL REFERENCES claims (id),
  region_code   text NOT NULL,
  detail_no     text NOT NULL UNIQUE,                     -- 明细号 on the bank file
  payee_name    text NOT NULL,
  bank_name     text NOT NULL,
  bank_account  text NOT NULL,
  amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed')),
  failure_reason text NOT NULL DEFAULT '',
  bank_ref      text NOT NULL DEFAULT '',
  settled_at    timestamptz
);
CREATE UNIQUE INDEX payments_live_claim_key ON payments (claim_id) WHERE status IN ('pending', 'paid');
CREATE INDEX payments_batch_idx ON payments (batch_id, id);

-- The ledger: every amount decided, approved, paid, failed or reversed, in fen. Balances are
-- derived from it; rows are never updated or deleted (trigger below).
CREATE TABLE ledger_entries (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('decided', 'approved', 'paid', 'failed', 'reversed')),
  reverses      text CHECK (reverses IN ('decided', 'approved', 'paid')),
  fund_source   text NOT NULL,
  region_code   text NOT NULL,
  year          integer NOT NULL,
  rule_id       text NOT NULL,
  document_code text NOT NULL,
  article       text NOT NULL,
  claim_id      bigint NOT NULL REFERENCES claims (id),
  payment_id    bigint REFERENCES payments (id),
  amount_fen    bigint NOT NULL CHECK (amount_fen >= 0),
  entry_date    date NOT NULL,
  actor_id      bigint REFERENCES users (id),
  at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'reversed') = (reverses IS NOT NULL))
);
CREATE INDEX ledger_entries_region_idx ON ledger_entries (region_code text_pattern_ops, year);
CREATE INDEX ledger_entries_claim_idx ON ledger_entries (claim_id);
-- A payment line is settled in the ledger once: importing the same result twice adds nothing.
CREATE UNIQUE INDEX ledger_entries_settlement_key ON ledger_entries (payment_id, kind) WHERE payment_id IS NOT NULL;

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % refused (write a reversing entry instead)', TG_OP;
END $$;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();
CREATE TRIGGER claim_events_no_update BEFORE UPDATE OR DELETE ON claim_events
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

GRANT SELECT, INSERT ON claim_events, claim_evidence, ledger_entries TO bangfu_app;
GRANT SELECT, INSERT, UPDATE ON publicity_lists, publicity_items, payment_batches, payments TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;

ALTER TABLE claim_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE claim_evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE publicity_lists ENABLE ROW LEVEL SECURITY;
ALTER TABLE publicity_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_batches ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY claim_events_scope ON claim_events TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY claim_evidence_scope ON claim_evidence TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY publicity_lists_scope ON publicity_lists TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY publicity_items_scope ON publicity_items TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY payment_batches_scope ON payment_batches TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY payments_scope ON payments TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY ledger_entries_scope ON ledger_entries TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
