-- Regions of the statistical division code tree, versioned by validity dates so that a
-- change of the tree (merge, rename, move) is a new row and never rewrites the past.
CREATE TABLE regions (
  code        text    NOT NULL CHECK (code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'),
  name        text    NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code text,
  valid_from  date    NOT NULL,
  valid_to    date,   -- exclusive; NULL while still valid
  source      text    NOT NULL,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX regions_parent_idx ON regions (parent_code);
CREATE INDEX regions_name_idx ON regions (name);
CREATE UNIQUE INDEX regions_current_idx ON regions (code) WHERE valid_to IS NULL;

-- What happened to the tree, with the document or dataset that says so.
CREATE TABLE region_changes (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('rename', 'merge', 'move', 'split', 'abolish', 'create')),
  old_code    text,
  new_code    text,
  effective   date NOT NULL,
  note        text NOT NULL DEFAULT '',
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Which dataset versions have been loaded for which province.
CREATE TABLE region_loads (
  province_code text NOT NULL,
  source        text NOT NULL,
  valid_from    date NOT NULL,
  rows          integer NOT NULL,
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, source)
);
