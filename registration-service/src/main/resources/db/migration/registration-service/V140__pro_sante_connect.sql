-- Accounts linked to a Pro Santé Connect identity: PSC alone signs them in. One account per RPPS.
CREATE TABLE psc_link (
    account_id  UUID         PRIMARY KEY REFERENCES account (id),
    rpps        VARCHAR(11)  NOT NULL,
    -- What PSC vouched for at sign-up or linking, for the profile's evidence: names, professions and savoir-faire.
    last_name   VARCHAR(100) NOT NULL,
    first_name  VARCHAR(100) NOT NULL,
    professions VARCHAR(200) NOT NULL,
    specialties VARCHAR(200) NOT NULL,
    linked_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT psc_link_rpps_unique UNIQUE (rpps)
);

-- After PSC's callback, the page receives a one-time code (in the URL fragment, never sent to a server) and exchanges it
-- for a session, a sign-up or a link. Stored as its SHA-256 hash with the vouched identity; single use, short-lived.
CREATE TABLE psc_handoff (
    code_hash   VARCHAR(64)  PRIMARY KEY,
    rpps        VARCHAR(11)  NOT NULL,
    last_name   VARCHAR(100) NOT NULL,
    first_name  VARCHAR(100) NOT NULL,
    professions VARCHAR(200) NOT NULL,
    specialties VARCHAR(200) NOT NULL,
    email       VARCHAR(254),
    expires_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX psc_handoff_expiry ON psc_handoff (expires_at);
