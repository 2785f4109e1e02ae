-- Identities a staff member must confirm or refuse (IdentityReviewRequested from identity-verification-service:
-- a near miss on the name, no directory able to answer). Distinct from `review`, the validation of a complete
-- account file: an identity review comes before the MSSante address, and its conclusion (IdentityReviewConcluded)
-- goes back to identity-verification-service, which alone publishes IdentityVerified or IdentityRejected.
CREATE TABLE identity_review (
    id                   UUID PRIMARY KEY,
    -- The identity decision to settle: one review per decision, however often its request is delivered.
    decision_id          UUID        NOT NULL UNIQUE,
    account_id           UUID        NOT NULL,
    requested_at         TIMESTAMPTZ NOT NULL,
    reason               VARCHAR(40) NOT NULL,
    detail               TEXT,
    path                 TEXT,
    declared_last_name   TEXT,
    declared_first_name  TEXT,
    directory_last_name  TEXT,
    directory_first_name TEXT,
    identifier_type      TEXT,
    identifier           TEXT,
    profession           TEXT,
    source               TEXT,
    directory_import_id  BIGINT,
    live_failure         TEXT,
    -- English summary of the comparisons, written by identity-verification-service for the reviewer.
    evidence             TEXT,
    status               VARCHAR(10) NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REFUSED')),
    opened_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at           TIMESTAMPTZ,
    decided_by           TEXT,
    refusal_reason       TEXT,
    CONSTRAINT identity_review_decision_recorded CHECK ((status = 'PENDING') = (decided_at IS NULL AND decided_by IS NULL)),
    CONSTRAINT identity_review_refusal_has_reason CHECK (status <> 'REFUSED' OR refusal_reason IS NOT NULL)
);
CREATE INDEX identity_review_queue ON identity_review (status, requested_at, id);
