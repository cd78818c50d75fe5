-- The outbox carries a second kind of message besides job recommendations: a policy notice
-- to a laborer a 政策找人 run found (您可能符合…请到村委会咨询申领), once per run, person and
-- channel. In-app messages land in the laborer's own inbox in the portal.
ALTER TABLE outbox ALTER COLUMN recommendation_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN find_run_id bigint REFERENCES find_runs (id);
ALTER TABLE outbox ADD COLUMN person_id bigint REFERENCES persons (id);
ALTER TABLE outbox ADD CONSTRAINT outbox_one_purpose CHECK (
  (recommendation_id IS NOT NULL AND find_run_id IS NULL)
  OR (recommendation_id IS NULL AND find_run_id IS NOT NULL AND person_id IS NOT NULL));
CREATE UNIQUE INDEX outbox_notice_once ON outbox (find_run_id, person_id, channel) WHERE find_run_id IS NOT NULL;

-- The laborer's inbox: its own in-app messages, which it reads and marks read (the service
-- writes read_at only).
CREATE POLICY inapp_messages_own ON inapp_messages FOR SELECT TO bangfu_app USING (person_id = bangfu_person());
CREATE POLICY inapp_messages_own_read ON inapp_messages FOR UPDATE TO bangfu_app
  USING (person_id = bangfu_person()) WITH CHECK (person_id = bangfu_person());
