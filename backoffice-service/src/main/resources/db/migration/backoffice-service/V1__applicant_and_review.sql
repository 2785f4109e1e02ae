-- What the back office knows of each applicant, gathered from the events of the other services.
-- One row per account; each group of columns is the latest version of one fact (dated by its event's occurredAt).
CREATE TABLE applicant (
    account_id               UUID PRIMARY KEY,
    -- ProfessionalProfileSubmitted: the profile as declared (latest submission)
    profile_submitted_at     TIMESTAMPTZ,
    last_name                TEXT,
    first_name               TEXT,
    email                    TEXT,
    path                     TEXT,
    identifier_type          TEXT,
    identifier               TEXT,
    profession               TEXT,
    specialty                TEXT,
    liberal                  BOOLEAN,
    phone                    TEXT,
    second_phone             TEXT,
    address_line             TEXT,
    postal_code              TEXT,
    city                     TEXT,
    region                   TEXT,
    department               TEXT,
    organisation_name        TEXT,
    service_name             TEXT,
    directory_visible        BOOLEAN,
    paperless                BOOLEAN,
    -- IdentityVerified: evidence for reviewers
    identity_verified_at     TIMESTAMPTZ,
    verified_last_name       TEXT,
    verified_first_name      TEXT,
    verified_profession      TEXT,
    verified_specialties     TEXT[],
    verified_identifier_type TEXT,
    verified_identifier      TEXT,
    verified_mailbox_type    TEXT,
    structure_identifier     TEXT,
    verification_source      TEXT,
    -- MssAddressAssigned
    mss_address_assigned_at  TIMESTAMPTZ,
    mss_address              TEXT,
    mailbox_type             TEXT,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The directory activities the identity check found (IdentityVerified.activities), in their order.
CREATE TABLE applicant_activity (
    account_id     UUID    NOT NULL REFERENCES applicant (account_id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    structure_name TEXT,
    siret          TEXT,
    finess         TEXT,
    postal_code    TEXT,
    city           TEXT,
    practice_mode  TEXT,
    PRIMARY KEY (account_id, position)
);

-- One review per profile submission that reached the queue (profile and MSSante address both known).
CREATE TABLE review (
    id               UUID PRIMARY KEY,
    account_id       UUID        NOT NULL REFERENCES applicant (account_id),
    submitted_at     TIMESTAMPTZ NOT NULL, -- when the reviewed profile was submitted: the 48 h promise runs from here
    status           VARCHAR(10) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    opened_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at       TIMESTAMPTZ,
    decided_by       TEXT,
    rejection_reason TEXT,
    CONSTRAINT review_one_per_submission UNIQUE (account_id, submitted_at),
    CONSTRAINT review_decision_recorded CHECK ((status = 'PENDING') = (decided_at IS NULL AND decided_by IS NULL)),
    CONSTRAINT review_rejection_has_reason CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL)
);
-- At most one open review per account, and an account is validated at most once.
CREATE UNIQUE INDEX review_one_pending_per_account ON review (account_id) WHERE status = 'PENDING';
CREATE UNIQUE INDEX review_one_approval_per_account ON review (account_id) WHERE status = 'APPROVED';
CREATE INDEX review_queue ON review (status, submitted_at, id);
