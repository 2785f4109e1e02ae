-- What was sent, for support and audit. Bodies are not kept: a confirmation link carries a secret.
CREATE TABLE sent_email (
    id         BIGSERIAL PRIMARY KEY,
    event_id   UUID         NOT NULL,
    account_id UUID         NOT NULL,
    recipient  VARCHAR(320) NOT NULL,
    subject    VARCHAR(300) NOT NULL,
    template   VARCHAR(100) NOT NULL,
    sent_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sent_email_account ON sent_email (account_id);
