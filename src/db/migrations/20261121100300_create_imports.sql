-- Register imports run as background jobs; their progress is polled by the UI.
CREATE TABLE imports (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL DEFAULT 'laborers',
  file_name     text NOT NULL,
  file_sha256   text NOT NULL,
  file_path     text NOT NULL,            -- the uploaded original, kept for the error report
  region_code   text NOT NULL,            -- the importer's scope (or a narrower --region)
  user_id       bigint REFERENCES users (id),
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total_rows    integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  inserted      integer NOT NULL DEFAULT 0,
  updated       integer NOT NULL DEFAULT 0,
  unchanged     integer NOT NULL DEFAULT 0,
  failed        integer NOT NULL DEFAULT 0,
  message       text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);

-- One row per rejected input row: row number, column, value, reason in Chinese.
CREATE TABLE import_errors (
  import_id   bigint NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  row_number  integer NOT NULL,
  column_name text NOT NULL,
  value       text NOT NULL DEFAULT '',
  reason      text NOT NULL,
  PRIMARY KEY (import_id, row_number, column_name)
);
