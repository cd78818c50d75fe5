-- The real-name register (实名制台账): households, persons, employment spells.
-- Every row carries the 12-digit village code; row-level security scopes by its prefix.

CREATE TABLE households (
  id                  bigserial PRIMARY KEY,
  number              text NOT NULL UNIQUE,          -- 户编号
  village_code        text NOT NULL CHECK (village_code ~ '^\d{12}$'),
  type                text NOT NULL CHECK (type IN ('脱贫户', '监测对象')),
  monitoring_category text CHECK (monitoring_category IN ('脱贫不稳定户', '边缘易致贫户', '突发严重困难户')),
  relocated           boolean NOT NULL DEFAULT false, -- 易地扶贫搬迁
  relocation_site     text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (type = '监测对象' OR monitoring_category IS NULL)
);
CREATE INDEX households_village_idx ON households (village_code text_pattern_ops);

CREATE TABLE persons (
  id                bigserial PRIMARY KEY,
  id_number         text NOT NULL,
  name              text NOT NULL,
  name_initials     text NOT NULL DEFAULT '',       -- pinyin initials for search (张三 -> zs)
  sex               text NOT NULL CHECK (sex IN ('男', '女')),
  birth_date        date NOT NULL,
  household_id      bigint NOT NULL REFERENCES households (id),
  relationship      text NOT NULL,
  village_code      text NOT NULL CHECK (village_code ~ '^\d{12}$'),
  ethnicity         text,
  education         text,
  work_capacity     text NOT NULL,
  health            text,
  disability        text,
  student_status    text NOT NULL DEFAULT '非在校生',
  phone             text,
  skills            text[] NOT NULL DEFAULT '{}',
  certificates      text[] NOT NULL DEFAULT '{}',
  migrate_willing   boolean NOT NULL DEFAULT false,
  preferred_places  text[] NOT NULL DEFAULT '{}',
  preferred_work    text[] NOT NULL DEFAULT '{}',
  service_needs     text[] NOT NULL DEFAULT '{}',
  training_needs    text[] NOT NULL DEFAULT '{}',
  row_hash          text NOT NULL DEFAULT '',       -- hash of the imported fields: a re-import of the same row changes nothing
  merged_into       bigint REFERENCES persons (id), -- set when an officer merged this record into another
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1
);
-- A person is unique by ID number across the whole database.
CREATE UNIQUE INDEX persons_id_number_key ON persons (id_number);
CREATE INDEX persons_village_idx ON persons (village_code text_pattern_ops);
CREATE INDEX persons_household_idx ON persons (household_id);
CREATE INDEX persons_name_idx ON persons (name);
CREATE INDEX persons_initials_idx ON persons (name_initials text_pattern_ops);

-- Employment history. A spell is closed (end_date) rather than overwritten; corrections
-- are audited with before and after.
CREATE TABLE employment_spells (
  id                 bigserial PRIMARY KEY,
  person_id          bigint NOT NULL REFERENCES persons (id),
  village_code       text NOT NULL,
  start_date         date NOT NULL,
  end_date           date,
  place_code         text,                          -- region code of the place of work
  place_name         text NOT NULL DEFAULT '',      -- as written, e.g. 省外: 广东省深圳市
  out_of_province    boolean NOT NULL DEFAULT false,
  employer           text NOT NULL DEFAULT '',
  channel            text NOT NULL CHECK (channel IN ('外出务工(有组织)', '外出务工(自主)', '帮扶车间', '公益性岗位', '以工代赈', '自主创业', '灵活就业', '就地就近')),
  monthly_income_fen bigint NOT NULL DEFAULT 0 CHECK (monthly_income_fen >= 0),
  insured            boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX spells_person_idx ON employment_spells (person_id, start_date);
CREATE INDEX spells_village_idx ON employment_spells (village_code text_pattern_ops);
-- One open-ended spell per person and start date: a re-import does not add the same spell twice.
CREATE UNIQUE INDEX spells_person_start_key ON employment_spells (person_id, start_date, channel);

-- Likely duplicates with different ID numbers, for an officer to merge or dismiss.
CREATE TABLE duplicate_candidates (
  id            bigserial PRIMARY KEY,
  person_a      bigint NOT NULL REFERENCES persons (id),
  person_b      bigint NOT NULL REFERENCES persons (id),
  village_code  text NOT NULL,
  reason        text NOT NULL,                  -- 同名同出生日期 / 同村同名同手机号
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed')),
  decided_by    bigint REFERENCES users (id),
  decided_at    timestamptz,
  note          text NOT NULL DEFAULT '',
  UNIQUE (person_a, person_b),
  CHECK (person_a < person_b)
);
CREATE INDEX duplicate_candidates_village_idx ON duplicate_candidates (village_code text_pattern_ops);
