-- Sign-in as the procedure says: one-time codes, terms of use, password resets, mail allowances.

-- A session opened with password and one-time code (validated accounts) may do everything once the terms are
-- accepted; a session opened with the password alone (before validation) only follows the registration.
ALTER TABLE access_token ADD COLUMN verified_by_one_time_code BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX access_token_account ON access_token (account_id);

-- A one-time sign-in code sent by e-mail: only its salted SHA-256 hash is kept; dead once used, expired or out of tries.
CREATE TABLE otp_challenge (
    id           UUID        PRIMARY KEY,
    account_id   UUID        NOT NULL REFERENCES account (id),
    code_hash    VARCHAR(64) NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    tries_left   INTEGER     NOT NULL,
    last_sent_at TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX otp_challenge_expiry ON otp_challenge (expires_at);

-- Every acceptance of the terms of use: who, which version, when.
CREATE TABLE terms_acceptance (
    account_id  UUID        NOT NULL REFERENCES account (id),
    version     VARCHAR(40) NOT NULL,
    accepted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, version, accepted_at)
);

-- Password-reset links: SHA-256 of the token only, single use, short-lived.
CREATE TABLE password_reset (
    token_hash VARCHAR(64) PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES account (id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_reset_account ON password_reset (account_id);

