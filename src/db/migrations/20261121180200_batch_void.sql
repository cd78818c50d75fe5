-- Taking claims out of a payment batch before the bank's result, as a finance office needs to:
--   * 移出批次: one line leaves a batch that is still open (no bank file exported yet). The line
--     stays in the batch as history, 'removed', with the reason, when and by whom; the batch's
--     line count and total no longer include it; the claim goes back to the payment queue.
--   * 作废批次: a batch whose bank file was never sent or was rejected as a whole by the bank (or
--     an open batch that will not be sent) is voided, never deleted: the batch keeps its lines,
--     number, count and total as they were, with the reason, when and by whom; its still pending
--     lines become 'voided' and their claims go back to the payment queue unpaid. A batch with
--     any bank result imported is not voided (the service refuses it).
-- Neither writes a ledger entry: putting a claim in a batch writes none either (the amount stays
-- approved and awaited until the bank pays it). A removed or voided line is no longer live, so
-- payments_live_claim_key lets the claim into a later batch while still allowing one live
-- payment per claim. Removed and voided lines and voided batches are final (triggers below), so
-- a bank result can never settle a line of a voided bank file.

ALTER TABLE payment_batches DROP CONSTRAINT payment_batches_status_check;
ALTER TABLE payment_batches ADD CONSTRAINT payment_batches_status_check
  CHECK (status IN ('open', 'exported', 'reconciled', 'voided'));
ALTER TABLE payment_batches
  ADD COLUMN void_reason text CHECK (btrim(void_reason) <> ''),
  ADD COLUMN voided_at   timestamptz,
  ADD COLUMN voided_by   bigint REFERENCES users (id),
  ADD CONSTRAINT payment_batches_voided_check
    CHECK ((status = 'voided') = (void_reason IS NOT NULL AND voided_at IS NOT NULL));

ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('pending', 'paid', 'failed', 'returned', 'recovered', 'removed', 'voided'));
ALTER TABLE payments
  ADD COLUMN removal_reason text CHECK (btrim(removal_reason) <> ''),
  ADD COLUMN removed_at     timestamptz,
  ADD COLUMN removed_by     bigint REFERENCES users (id),
  ADD CONSTRAINT payments_removed_check
    CHECK ((status = 'removed') = (removal_reason IS NOT NULL AND removed_at IS NOT NULL));

-- Only a line still at the bank (pending) is taken out; once taken out it never changes again.
CREATE FUNCTION payments_taken_out_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('removed', 'voided') THEN
    RAISE EXCEPTION 'payment % is % and cannot change', OLD.id, OLD.status;
  END IF;
  IF NEW.status IN ('removed', 'voided') AND OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'payment % is % and cannot be %', OLD.id, OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payments_taken_out_final BEFORE UPDATE ON payments
  FOR EACH ROW EXECUTE FUNCTION payments_taken_out_final();

-- A voided batch never changes again (no export, no reconciliation, no new total).
CREATE FUNCTION payment_batches_voided_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'voided' THEN
    RAISE EXCEPTION 'payment batch % is voided and cannot change', OLD.number;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_batches_voided_final BEFORE UPDATE ON payment_batches
  FOR EACH ROW EXECUTE FUNCTION payment_batches_voided_final();
