-- One live Medimail account per national identifier (RPPS, ADELI): the primary key is the rule, so that two
-- profiles declaring the same identifier at the same moment cannot both be accepted. A row is written when an
-- account's identity is accepted (or sent to a reviewer) and removed when that account submits another profile,
-- its identity is refused by a reviewer, its address is refused or staff reject it (see OneLiveAccountPerIdentifier).
CREATE TABLE identifier_claim (
    identifier_type VARCHAR(10) NOT NULL,
    -- Normalised (RPPS without its national prefix).
    identifier      VARCHAR(20) NOT NULL,
    account_id      UUID        NOT NULL,
    claimed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (identifier_type, identifier)
);
CREATE INDEX identifier_claim_account ON identifier_claim (account_id);
