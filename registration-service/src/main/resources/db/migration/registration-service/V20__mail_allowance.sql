-- Mails sent on request to an address, counted per address and kind (CONFIRMATION, ...), so that nobody can make
-- the platform flood a mailbox: at most one mail a minute and a few a day (see MailAllowance). One row per address
-- and kind; the conditional upsert that grants a mail is what makes concurrent requests safe.
CREATE TABLE mail_allowance (
    recipient         VARCHAR(254) NOT NULL,
    kind              VARCHAR(40)  NOT NULL,
    last_granted_at   TIMESTAMPTZ  NOT NULL,
    -- The current 24-hour window starts with the first mail granted after the previous window ended.
    window_started_at TIMESTAMPTZ  NOT NULL,
    granted_in_window INTEGER      NOT NULL,
    PRIMARY KEY (recipient, kind)
);
