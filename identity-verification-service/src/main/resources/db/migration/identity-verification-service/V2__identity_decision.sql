-- Every identity decision with its evidence (what was compared, against which directory and import), for audit.
CREATE TABLE identity_decision (
    id                   UUID         PRIMARY KEY,
    -- The ProfessionalProfileSubmitted event decided on: one decision per event.
    event_id             UUID         NOT NULL UNIQUE,
    account_id           UUID         NOT NULL,
    decided_at           TIMESTAMPTZ  NOT NULL,
    path                 TEXT,
    identifier_type      TEXT,
    identifier_submitted TEXT,
    identifier           TEXT,
    -- VERIFIED, REJECTED or MANUAL_REVIEW (a near miss, published as IdentityRejected until an event exists for it).
    outcome              VARCHAR(20)  NOT NULL,
    reason               VARCHAR(40),
    detail               TEXT,
    source               VARCHAR(30)  NOT NULL,
    directory_import_id  BIGINT REFERENCES directory_import (id),
    live_failure         TEXT,
    mailbox_type         VARCHAR(3),
    published_event_type VARCHAR(40)  NOT NULL,
    published_event_id   UUID         NOT NULL,
    evidence             JSONB        NOT NULL
);
CREATE INDEX identity_decision_account ON identity_decision (account_id, decided_at DESC);
CREATE INDEX identity_decision_manual_review ON identity_decision (decided_at) WHERE outcome = 'MANUAL_REVIEW';
