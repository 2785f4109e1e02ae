-- One row per registration: the holder, where the registration stands, and the professional profile once submitted.
-- Secrets are never stored in clear: BCrypt for the password, SHA-256 for the single-use confirmation token.
CREATE TABLE account (
    id                      UUID         PRIMARY KEY,
    email                   VARCHAR(254) NOT NULL,
    last_name               VARCHAR(100) NOT NULL,
    first_name              VARCHAR(100) NOT NULL,
    region                  VARCHAR(3)   NOT NULL,
    password_hash           VARCHAR(100) NOT NULL,
    status                  VARCHAR(40)  NOT NULL,
    -- Cleared once used: a used token is then unknown (single use).
    confirmation_token_hash VARCHAR(64),
    confirmation_expires_at TIMESTAMPTZ,
    email_confirmed_at      TIMESTAMPTZ,
    mss_address             VARCHAR(254),
    mailbox_type            VARCHAR(3),
    rejection_code          VARCHAR(60),
    rejection_reason        VARCHAR(2000),
    -- Professional profile (null until submitted; replaced by a resubmission after an identity rejection).
    profile_path              VARCHAR(30),
    profile_identifier_type   VARCHAR(10),
    profile_identifier        VARCHAR(20),
    profile_profession        VARCHAR(10),
    profile_specialty         VARCHAR(10),
    profile_liberal           BOOLEAN,
    profile_phone             VARCHAR(20),
    profile_second_phone      VARCHAR(20),
    profile_address_line      VARCHAR(200),
    profile_postal_code       VARCHAR(5),
    profile_city              VARCHAR(100),
    profile_region            VARCHAR(3),
    profile_department        VARCHAR(3),
    profile_organisation_name VARCHAR(200),
    profile_service_name      VARCHAR(200),
    profile_directory_visible BOOLEAN,
    profile_paperless         BOOLEAN,
    profile_submitted_at      TIMESTAMPTZ,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    version                 BIGINT       NOT NULL,
    CONSTRAINT account_email_unique UNIQUE (email)
);
CREATE UNIQUE INDEX account_confirmation_token ON account (confirmation_token_hash) WHERE confirmation_token_hash IS NOT NULL;

-- Access tokens handed out by POST /api/v1/sessions, stored as SHA-256 hashes.
CREATE TABLE access_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES account (id),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_token_expiry ON access_token (expires_at);
