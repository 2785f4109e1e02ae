-- Organisational (ORG) mailbox requests of validated accounts, and the mailboxes once staff approved them.
CREATE TABLE organisational_mailbox (
    request_id                UUID          PRIMARY KEY,
    owner_account_id          UUID          NOT NULL REFERENCES account (id),
    label                     VARCHAR(60)   NOT NULL,
    structure_identifier_type VARCHAR(10)   NOT NULL,
    structure_identifier      VARCHAR(20)   NOT NULL,
    purpose                   VARCHAR(500)  NOT NULL,
    status                    VARCHAR(30)   NOT NULL,
    -- The proposed address while staff review the request, the mailbox's address once validated.
    address                   VARCHAR(320),
    -- French, shown to the requester.
    rejection_reason          VARCHAR(2000),
    requested_at              TIMESTAMPTZ   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL,
    CONSTRAINT organisational_mailbox_status CHECK (status IN ('VALIDATION_PENDING', 'VALIDATED', 'REJECTED'))
);
CREATE INDEX organisational_mailbox_owner ON organisational_mailbox (owner_account_id);

-- Validated accounts the owner gave access to the mailbox.
CREATE TABLE organisational_mailbox_member (
    request_id  UUID         NOT NULL REFERENCES organisational_mailbox (request_id),
    account_id  UUID         NOT NULL REFERENCES account (id),
    email       VARCHAR(254) NOT NULL,
    added_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, account_id)
);
CREATE INDEX organisational_mailbox_member_account ON organisational_mailbox_member (account_id);
