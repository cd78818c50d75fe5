-- What a register import needs beyond the first imports table: progress by bytes (the
-- number of rows of a streamed file is known only at its end), the worker that runs it
-- (so that an import whose process died can be resumed), how the file was read, and
-- stable codes for row errors.
ALTER TABLE imports
  ADD COLUMN file_size       bigint NOT NULL DEFAULT 0,
  ADD COLUMN bytes_done      bigint NOT NULL DEFAULT 0,
  ADD COLUMN format          text NOT NULL DEFAULT '',
  ADD COLUMN encoding        text NOT NULL DEFAULT '',
  ADD COLUMN header_row      integer NOT NULL DEFAULT 0,
  ADD COLUMN ignored_columns text[] NOT NULL DEFAULT '{}',
  ADD COLUMN error_code      text NOT NULL DEFAULT '',
  ADD COLUMN stats           jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN worker          text NOT NULL DEFAULT '',  -- host:pid of the process running it
  ADD COLUMN started_at      timestamptz,
  ADD COLUMN heartbeat_at    timestamptz;               -- last committed chunk
CREATE INDEX imports_region_idx ON imports (region_code text_pattern_ops, created_at DESC);
CREATE INDEX imports_file_idx ON imports (file_sha256);

ALTER TABLE import_errors ADD COLUMN code text NOT NULL DEFAULT '';

-- Household numbers are unique nationally, like ID numbers: an importer must learn that a
-- number is taken in a village it cannot read. Answers only where it is registered.
CREATE FUNCTION locate_household_numbers(numbers text[])
RETURNS TABLE (number text, household_id bigint, village_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT h.number, h.id, h.village_code FROM households h WHERE h.number = ANY (numbers)
$$;
REVOKE ALL ON FUNCTION locate_household_numbers(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION locate_household_numbers(text[]) TO bangfu_app;
