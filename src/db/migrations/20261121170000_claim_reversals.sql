-- Taking back a paid amount. Two cases a county employment office meets after the bank
-- reported a payment successful:
--   * bank return (资金退回 / 退票, e.g. the account was closed later): the payment becomes
--     'returned', the claim goes back to the payment queue (status 'failed') and is paid in a
--     later batch; a returned payment is no longer live, so payments_live_claim_key lets the
--     new payment in while still refusing two live payments of one claim;
--   * recovery of an improper payment (违规资金追回, e.g. 冒名顶替 found by audit): the payment
--     becomes 'recovered' and the claim ends as 'recovered' (it keeps its claim_slots row, so
--     the same subject cannot claim the same window again).
-- Each is recorded once per payment in payment_reversals (reason, date, reference, actor) and
-- in the ledger as reversing entries carrying their cause.

ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check
  CHECK (status IN ('submitted', 'returned', 'reviewed', 'refused', 'publicized', 'approved', 'batched', 'paid', 'failed',
                    'withdrawn', 'recovered'));

ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('pending', 'paid', 'failed', 'returned', 'recovered'));

-- Why a paid amount was reversed; NULL for the reversals that correct a decided amount.
ALTER TABLE ledger_entries ADD COLUMN cause text CHECK (cause IN ('bank_return', 'recovery'));
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_cause_reversed CHECK (cause IS NULL OR kind = 'reversed');

CREATE TABLE payment_reversals (
  id           bigserial PRIMARY KEY,
  payment_id   bigint NOT NULL UNIQUE REFERENCES payments (id),  -- a payment is taken back once
  claim_id     bigint NOT NULL REFERENCES claims (id),
  region_code  text NOT NULL,
  cause        text NOT NULL CHECK (cause IN ('bank_return', 'recovery')),
  amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
  reason       text NOT NULL CHECK (btrim(reason) <> ''),
  occurred_on  date NOT NULL,                                     -- 退回日期 / 追回日期
  reference    text NOT NULL DEFAULT '',                          -- 银行退票流水号 / 追回决定文号或缴款凭证号
  actor_id     bigint REFERENCES users (id),
  actor_name   text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_reversals_claim_idx ON payment_reversals (claim_id);
CREATE INDEX payment_reversals_region_idx ON payment_reversals (region_code text_pattern_ops);

CREATE TRIGGER payment_reversals_no_update BEFORE UPDATE OR DELETE ON payment_reversals
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

GRANT SELECT, INSERT ON payment_reversals TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;
ALTER TABLE payment_reversals ENABLE ROW LEVEL SECURITY;
CREATE POLICY payment_reversals_scope ON payment_reversals TO bangfu_app
  USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
