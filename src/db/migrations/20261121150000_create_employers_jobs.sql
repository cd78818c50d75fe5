-- Employers and the job posts collected from them (岗位归集). Jobs are matched against
-- laborers of every region (a Huize laborer may take a job in Guangdong), so posts are
-- readable by every officer; they are written only inside the scope of the office that
-- collected them (region_code) or by the employer's own account.
CREATE TABLE employers (
  id             bigserial PRIMARY KEY,
  credit_code    text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$'), -- 统一社会信用代码 (GB 32100)
  name           text NOT NULL,
  region_code    text NOT NULL CHECK (region_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'), -- where the employer is registered
  industry       text NOT NULL DEFAULT '',                   -- 国民经济行业分类 门类, e.g. C 制造业
  contact_name   text NOT NULL DEFAULT '',
  contact_phone  text NOT NULL DEFAULT '',
  address        text NOT NULL DEFAULT '',
  is_workshop    boolean NOT NULL DEFAULT false,             -- 帮扶车间 (扶贫车间/社区工厂/卫星工厂/就业驿站)
  is_base        boolean NOT NULL DEFAULT false,             -- recognised 就业帮扶基地
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX employers_region_idx ON employers (region_code text_pattern_ops);

CREATE TABLE job_posts (
  id                 bigserial PRIMARY KEY,
  employer_id        bigint NOT NULL REFERENCES employers (id),
  region_code        text NOT NULL CHECK (region_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'), -- office that collected the post
  title              text NOT NULL,
  occupation_code    text NOT NULL,                          -- 职业分类大典 code, e.g. 4-10-01-06
  work_region_code   text NOT NULL CHECK (work_region_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'), -- place of work
  work_place         text NOT NULL DEFAULT '',               -- as written, e.g. 广东省深圳市宝安区
  openings           integer NOT NULL CHECK (openings > 0),
  filled             integer NOT NULL DEFAULT 0 CHECK (filled >= 0),
  wage_min_fen       bigint NOT NULL CHECK (wage_min_fen >= 0),
  wage_max_fen       bigint NOT NULL,
  working_hours      text NOT NULL DEFAULT '',               -- e.g. 每天8小时，月休4天
  accommodation      boolean NOT NULL DEFAULT false,         -- 包住
  meals              boolean NOT NULL DEFAULT false,         -- 包吃
  contract_months    integer CHECK (contract_months > 0),
  season_from        date,                                   -- seasonal work (季节性): its dates
  season_to          date,
  age_min            integer CHECK (age_min >= 16),
  age_max            integer CHECK (age_max <= 70),
  sex_required       text CHECK (sex_required IN ('男', '女')),
  sex_reason         text,                                   -- lawful justification, required with sex_required
  education_min      text,
  skills             text[] NOT NULL DEFAULT '{}',
  certificates       text[] NOT NULL DEFAULT '{}',
  physical_demand    text NOT NULL DEFAULT '中' CHECK (physical_demand IN ('轻', '中', '重')),
  suitable_for_weak  boolean NOT NULL DEFAULT false,          -- fits weak or semi labor (弱劳动力或半劳动力)
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'expired')),
  valid_until        date,
  source             text NOT NULL DEFAULT 'form' CHECK (source IN ('form', 'import', 'employer')),
  created_by         bigint REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  CHECK (wage_max_fen >= wage_min_fen),
  CHECK (filled <= openings),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
  CHECK (sex_required IS NULL OR coalesce(sex_reason, '') <> ''),
  CHECK ((season_from IS NULL) = (season_to IS NULL) AND (season_to IS NULL OR season_to >= season_from))
);
CREATE INDEX job_posts_open_idx ON job_posts (status, work_region_code text_pattern_ops);
CREATE INDEX job_posts_employer_idx ON job_posts (employer_id);
CREATE INDEX job_posts_region_idx ON job_posts (region_code text_pattern_ops);

GRANT SELECT, INSERT, UPDATE ON employers, job_posts TO bangfu_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO bangfu_app;
ALTER TABLE employers ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY employers_read ON employers FOR SELECT TO bangfu_app USING (true);
CREATE POLICY employers_write ON employers FOR INSERT TO bangfu_app WITH CHECK (in_scope(region_code));
CREATE POLICY employers_update ON employers FOR UPDATE TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
CREATE POLICY job_posts_read ON job_posts FOR SELECT TO bangfu_app USING (true);
CREATE POLICY job_posts_write ON job_posts FOR INSERT TO bangfu_app WITH CHECK (in_scope(region_code));
CREATE POLICY job_posts_update ON job_posts FOR UPDATE TO bangfu_app USING (in_scope(region_code)) WITH CHECK (in_scope(region_code));
