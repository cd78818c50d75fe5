-- Targeted recommendations (精准推送): matching runs over the laborers of a region, the
-- recommendations they produce with rank, score and reasons, the laborers left with fewer
-- than three suitable jobs and why, the tracking of each recommendation from push to hire
-- and stability, and the outbox through which pushes leave (SMS, WeChat, in-app).

-- One batch run of the matching model over the laborers of a region who want to migrate.
-- Progress is committed chunk by chunk (cursor = last person id done), so a run stopped by
-- a restart resumes where it stopped.
CREATE TABLE matching_runs (
  id              bigserial PRIMARY KEY,
  region_code     text NOT NULL CHECK (region_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'),
  as_of           date NOT NULL,                   -- jobs open and seasons running on this date
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total           integer NOT NULL DEFAULT 0,      -- laborers to match (counted when the run starts)
  processed       integer NOT NULL DEFAULT 0,
  with_three      integer NOT NULL DEFAULT 0,      -- laborers given at least three recommendations
  fewer           integer NOT NULL DEFAULT 0,      -- laborers given fewer than three
  recommendations integer NOT NULL DEFAULT 0,
  jobs_considered integer NOT NULL DEFAULT 0,
  cursor_person   bigint NOT NULL DEFAULT 0,
  worker          text,
  message         text NOT NULL DEFAULT '',
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz
);
CREATE INDEX matching_runs_region_idx ON matching_runs (region_code text_pattern_ops, id DESC);

-- A job recommended to a laborer by a run, and what became of it. The steps are dated
-- columns (a step is done when its date is set); stability at 3 and 6 months is derived
-- from the employment spell the hire created, never stored.
CREATE TABLE recommendations (
  id              bigserial PRIMARY KEY,
  run_id          bigint NOT NULL REFERENCES matching_runs (id),
  person_id       bigint NOT NULL REFERENCES persons (id),
  job_id          bigint NOT NULL REFERENCES job_posts (id),
  region_code     text NOT NULL,                   -- the laborer's village
  rank            integer NOT NULL CHECK (rank >= 1),
  score           real NOT NULL,
  reasons         text[] NOT NULL DEFAULT '{}',    -- Chinese reasons, e.g. 意向工种一致, 包吃住, 距家 35 公里
  pushed_at       timestamptz,
  seen_at         timestamptz,
  interested_at   timestamptz,
  consent_at      timestamptz,                     -- the laborer agreed that the employer sees who they are
  applied_at      timestamptz,
  interviewed_at  timestamptz,
  hired_on        date,
  declined_at     timestamptz,
  decline_reason  text NOT NULL DEFAULT '',
  spell_id        bigint REFERENCES employment_spells (id),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (run_id, person_id, job_id),
  UNIQUE (run_id, person_id, rank),
  CHECK ((hired_on IS NULL) = (spell_id IS NULL))
);
CREATE INDEX recommendations_person_idx ON recommendations (person_id, run_id DESC, rank);
CREATE INDEX recommendations_job_idx ON recommendations (job_id);
CREATE INDEX recommendations_region_idx ON recommendations (region_code text_pattern_ops);
-- A laborer is hired through one recommendation of a job at most.
CREATE UNIQUE INDEX recommendations_hire_key ON recommendations (person_id, job_id) WHERE hired_on IS NOT NULL;

-- Laborers a run could give fewer than three suitable jobs, with how many jobs each hard
-- constraint ruled out, so officers know which jobs to collect.
CREATE TABLE recommendation_shortfalls (
  run_id          bigint NOT NULL REFERENCES matching_runs (id),
  person_id       bigint NOT NULL REFERENCES persons (id),
  region_code     text NOT NULL,
  found           integer NOT NULL CHECK (found >= 0 AND found < 3),
  excluded        jsonb NOT NULL DEFAULT '{}',     -- constraint name → jobs it ruled out
  main_reason     text NOT NULL DEFAULT '',        -- the constraint that ruled out most jobs, in Chinese
  PRIMARY KEY (run_id, person_id)
);
CREATE INDEX recommendation_shortfalls_region_idx ON recommendation_shortfalls (region_code text_pattern_ops);

-- A laborer's WeChat binding (openid of the service account), needed for template messages.
CREATE TABLE wechat_bindings (
  person_id       bigint PRIMARY KEY REFERENCES persons (id),
  region_code     text NOT NULL,
  openid          text NOT NULL,
  bound_at        timestamptz NOT NULL DEFAULT now()
);

-- Messages shown to the laborer inside the app (the in-app channel writes here).
CREATE TABLE inapp_messages (
  id              bigserial PRIMARY KEY,
  person_id       bigint NOT NULL REFERENCES persons (id),
  region_code     text NOT NULL,
  title           text NOT NULL,
  body            text NOT NULL,
  outbox_id       bigint NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  read_at         timestamptz
);
CREATE INDEX inapp_messages_person_idx ON inapp_messages (person_id, id DESC);

-- The outbox: one message per recommendation and channel (unique: never twice), sent by the
-- channel's sender with retries and backoff. 'sending' is taken in its own committed
-- transaction before the sender is called, so a message is handed to a gateway at most once.
CREATE TABLE outbox (
  id                bigserial PRIMARY KEY,
  recommendation_id bigint NOT NULL REFERENCES recommendations (id),
  channel           text NOT NULL CHECK (channel IN ('sms', 'wechat', 'inapp')),
  region_code       text NOT NULL,
  recipient         text NOT NULL,                 -- phone, openid or person id
  template          text NOT NULL,
  body              jsonb NOT NULL,                -- the rendered message (text and template fields)
  status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'retry', 'failed')),
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  last_error        text NOT NULL DEFAULT '',
  provider_ref      text NOT NULL DEFAULT '',
  created_by        bigint REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  sent_at           timestamptz,
  UNIQUE (recommendation_id, channel)
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('queued', 'retry');
CREATE INDEX outbox_region_idx ON outbox (region_code text_pattern_ops, id DESC);

-- A hire counts one filled opening of the job. Job posts are written only inside the scope
-- of the office that collected them; a county placing its laborer in a job collected
-- elsewhere may still count the hire, and only that: this function adds one (never beyond
-- the openings) and marks the post filled when none are left.
CREATE FUNCTION job_post_count_hire(p_job bigint) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH u AS (
    UPDATE job_posts
       SET filled = filled + 1,
           status = CASE WHEN filled + 1 >= openings THEN 'filled' ELSE status END,
           updated_at = now(),
           version = version + 1
     WHERE id = p_job AND status = 'open' AND filled < openings
    RETURNING 1
  )
  SELECT EXISTS (SELECT 1 FROM u)
$$;
REVOKE ALL ON FUNCTION job_post_count_hire(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION job_post_count_hire(bigint) TO bangfu_app;

GRANT SELECT, INSERT, UPDATE ON matching_runs, recommendations, recommendation_shortfalls, wechat_bindings, inapp_messages, outbox TO bangfu_app;
GRANT DELETE ON recommendation_shortfalls TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;

ALTER TABLE matching_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendations ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendation_shortfalls ENABLE ROW LEVEL SECURITY;
ALTER TABLE wechat_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE inapp_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY matching_runs_scope ON matching_runs TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY recommendations_scope ON recommendations TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY recommendation_shortfalls_scope ON recommendation_shortfalls TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY wechat_bindings_scope ON wechat_bindings TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY inapp_messages_scope ON inapp_messages TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY outbox_scope ON outbox TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
