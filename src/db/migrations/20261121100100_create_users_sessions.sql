CREATE TABLE users (
  id              bigserial PRIMARY KEY,
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('province', 'city', 'county', 'township', 'village', 'auditor', 'admin')),
  region_code     text NOT NULL,
  can_view_full_id boolean NOT NULL DEFAULT false,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  disabled        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions; the cookie holds a random token, the table its SHA-256.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
