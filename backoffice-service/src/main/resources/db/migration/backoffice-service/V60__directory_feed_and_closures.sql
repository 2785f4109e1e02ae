-- Contact details change after validation (ContactDetailsChanged from registration-service) as well as with each
-- profile submission: the newest of the two wins, whatever order their events arrive in.
ALTER TABLE applicant ADD COLUMN contact_updated_at TIMESTAMPTZ;
UPDATE applicant SET contact_updated_at = profile_submitted_at;

-- Accounts closed by staff (ADMIN). A closed account is out of the directory; its MSSante address is never issued
-- again (mss-address-service keeps every address). Reopening removes the row; the audit trail keeps the history.
CREATE TABLE account_closure (
    account_id UUID PRIMARY KEY REFERENCES applicant (account_id),
    closed_at  TIMESTAMPTZ NOT NULL,
    closed_by  TEXT        NOT NULL,
    reason     TEXT        NOT NULL
);

-- The directory entry last published for each account on the compacted topic medimail.directory-entries.v1
-- (absent: nothing published, or a tombstone was). A change publishes only when the entry really changed.
CREATE TABLE directory_listing (
    account_id   UUID PRIMARY KEY REFERENCES applicant (account_id),
    mss_address  TEXT        NOT NULL UNIQUE,
    entry        TEXT        NOT NULL, -- the published entry, in a canonical text form, to compare with the next one
    published_at TIMESTAMPTZ NOT NULL
);
