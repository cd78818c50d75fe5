-- 政策找单位: a run over the employers of a region for an employer rule that is claimed per
-- laborer (岗位补贴 POST-HN, 社会保险补贴 SI-HN / SI-YN). It lists each registered employer and
-- each laborer of the register whose current employment is linked to it (employment_spells.
-- employer_id) for whom the claim qualifies or may qualify and has not been made, with what the
-- register gave and the facts still to verify (the contract, the employer's own situation).
-- A row names a laborer: it is scoped by the laborer's village, like find_results.
ALTER TABLE find_runs DROP CONSTRAINT find_runs_subject_check;
ALTER TABLE find_runs ADD CONSTRAINT find_runs_subject_check CHECK (subject IN ('person', 'workshop', 'employer'));

CREATE TABLE find_employer_results (
  run_id         bigint NOT NULL REFERENCES find_runs (id),
  employer_id    bigint NOT NULL REFERENCES employers (id),
  person_id      bigint NOT NULL REFERENCES persons (id),
  region_code    text NOT NULL,                    -- the laborer's village
  status         text NOT NULL CHECK (status IN ('eligible', 'amount_not_set', 'incomplete')),
  amount_fen     bigint,
  max_amount_fen bigint,
  message        text NOT NULL,
  missing_facts  text[] NOT NULL DEFAULT '{}',     -- labels of the facts to verify
  months_in_post integer NOT NULL,                 -- whole months at the employer on the run's date
  PRIMARY KEY (run_id, employer_id, person_id)
);
CREATE INDEX find_employer_results_region_idx ON find_employer_results (run_id, region_code text_pattern_ops);

ALTER TABLE find_employer_results ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON find_employer_results TO bangfu_app;
CREATE POLICY find_employer_results_scope ON find_employer_results TO bangfu_app
  USING (region_code LIKE (SELECT bangfu_scope()) || '%')
  WITH CHECK (region_code LIKE (SELECT bangfu_scope()) || '%');
