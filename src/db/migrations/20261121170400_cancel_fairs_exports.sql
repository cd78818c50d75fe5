-- Cancelling a job fair that will not take place (天气原因、用工单位取消…) or an organized
-- export batch that will not depart. Only a 'planned' record is cancelled; the row stays, with
-- why, when and by whom, so that its invitations and members remain as history. A cancelled
-- fair no longer counts toward a county's two fairs a year; a cancelled batch takes no members,
-- never departs and earns no export subsidy.

ALTER TABLE job_fairs
  ADD COLUMN cancel_reason text CHECK (btrim(cancel_reason) <> ''),
  ADD COLUMN cancelled_at  timestamptz,
  ADD COLUMN cancelled_by  bigint REFERENCES users (id),
  ADD CONSTRAINT job_fairs_cancelled_check
    CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL));

ALTER TABLE export_batches
  ADD COLUMN cancel_reason text CHECK (btrim(cancel_reason) <> ''),
  ADD COLUMN cancelled_at  timestamptz,
  ADD COLUMN cancelled_by  bigint REFERENCES users (id),
  ADD CONSTRAINT export_batches_cancelled_check
    CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL));
