-- Staff, their team memberships, accounts, API tokens, web sessions and failed sign-ins.
-- Secrets are never stored: tokens and sessions are kept as BLAKE2b hashes, passwords as Argon2id.
CREATE TABLE staff (
  id                 {{AUTO_ID}},
  name               TEXT NOT NULL,
  grade              TEXT NOT NULL,
  contracted_minutes INTEGER NOT NULL,
  start_date         TEXT,
  qualified_on       TEXT,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE staff_team (
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  team_id  BIGINT NOT NULL REFERENCES team (id),
  PRIMARY KEY (staff_id, team_id)
);
CREATE INDEX staff_team_team ON staff_team (team_id);
CREATE TABLE account (
  id            {{AUTO_ID}},
  staff_id      BIGINT NOT NULL UNIQUE REFERENCES staff (id),
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE api_token (
  id         {{AUTO_ID}},
  account_id BIGINT NOT NULL REFERENCES account (id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX api_token_account ON api_token (account_id);
CREATE TABLE web_session (
  token_hash   TEXT PRIMARY KEY,
  account_id   BIGINT NOT NULL REFERENCES account (id),
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at     TEXT
);
CREATE INDEX web_session_account ON web_session (account_id);
CREATE TABLE sign_in_failure (
  id       {{AUTO_ID}},
  username TEXT NOT NULL,
  address  TEXT NOT NULL,
  at       TEXT NOT NULL
);
CREATE INDEX sign_in_failure_username ON sign_in_failure (username, at);
CREATE INDEX sign_in_failure_address ON sign_in_failure (address, at);
