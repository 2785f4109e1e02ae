-- Organisational (ORG) mailbox requests in the review queue (kind ORG), their decisions and closures.
CREATE TABLE org_review (
    id                        UUID          PRIMARY KEY,
    request_id                UUID          NOT NULL UNIQUE,
    requester_account_id      UUID          NOT NULL,
    requester_registration_id VARCHAR(64)   NOT NULL,
    requester_last_name       VARCHAR(100)  NOT NULL,
    requester_first_name      VARCHAR(100)  NOT NULL,
    requester_email           VARCHAR(254)  NOT NULL,
    label                     VARCHAR(60)   NOT NULL,
    structure_identifier_type VARCHAR(10)   NOT NULL,
    structure_identifier      VARCHAR(20)   NOT NULL,
    structure_name            VARCHAR(300),
    purpose                   VARCHAR(500)  NOT NULL,
    mss_address               VARCHAR(320)  NOT NULL UNIQUE,
    status                    VARCHAR(10)   NOT NULL,
    submitted_at              TIMESTAMPTZ   NOT NULL,
    decided_at                TIMESTAMPTZ,
    decided_by                VARCHAR(100),
    rejection_reason          VARCHAR(1000),
    CONSTRAINT org_review_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CLOSED'))
);
CREATE INDEX org_review_pending ON org_review (status, submitted_at);
