-- 政策找人 over the 帮扶车间 of a region (workshop rules: WS-NM, WS-NM23, WS-YN): a run is about
-- persons or about workshops; a workshop run lists the recognised workshops (and bases, where
-- the rule admits them) that qualify or may qualify and have not claimed, with the figures the
-- register gave and the facts still to verify (contract lengths, the local minimum wage, the
-- league's tier are in no record of bangfu).
ALTER TABLE find_runs
  ADD COLUMN subject text NOT NULL DEFAULT 'person' CHECK (subject IN ('person', 'workshop')),
  ADD COLUMN to_verify integer NOT NULL DEFAULT 0;   -- of the list: may qualify, facts to verify

CREATE TABLE find_workshop_results (
  run_id         bigint NOT NULL REFERENCES find_runs (id),
  employer_id    bigint NOT NULL REFERENCES employers (id),
  region_code    text NOT NULL,                    -- the workshop's registered region
  status         text NOT NULL CHECK (status IN ('eligible', 'amount_not_set', 'incomplete')),
  amount_fen     bigint,
  max_amount_fen bigint,
  message        text NOT NULL,
  missing_facts  text[] NOT NULL DEFAULT '{}',     -- labels of the facts to verify
  laborers       integer NOT NULL,                 -- the register's laborers at the workshop
  poor_laborers  integer NOT NULL,                 -- of them, of 脱贫户
  PRIMARY KEY (run_id, employer_id)
);
CREATE INDEX find_workshop_results_region_idx ON find_workshop_results (run_id, region_code text_pattern_ops);

ALTER TABLE find_workshop_results ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON find_workshop_results TO bangfu_app;
CREATE POLICY find_workshop_results_scope ON find_workshop_results TO bangfu_app
  USING (region_code LIKE (SELECT bangfu_scope()) || '%')
  WITH CHECK (region_code LIKE (SELECT bangfu_scope()) || '%');
