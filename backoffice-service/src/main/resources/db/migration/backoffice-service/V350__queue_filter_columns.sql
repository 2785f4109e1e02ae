-- The staff queue's filters (region, profession, path, mailbox type) read from the review row itself, through one
-- index of the pending items that carries them: a filtered page and its count stay inside that index (about 50,000
-- entries when the queue is at its worst) instead of looking up each pending item's applicant one by one.
-- The columns are copies of the applicant's, kept by the triggers below whatever code path writes either table:
-- filled when a review is queued, and refreshed on the pending review when the applicant's values change.
ALTER TABLE review
    ADD COLUMN region       TEXT,
    ADD COLUMN profession   TEXT,
    ADD COLUMN path         TEXT,
    ADD COLUMN mailbox_type TEXT;

UPDATE review r SET region = a.region, profession = a.profession, path = a.path, mailbox_type = a.mailbox_type
FROM applicant a
WHERE a.account_id = r.account_id;

CREATE FUNCTION review_copy_filter_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.region, a.profession, a.path, a.mailbox_type
    INTO NEW.region, NEW.profession, NEW.path, NEW.mailbox_type
    FROM applicant a WHERE a.account_id = NEW.account_id;
    RETURN NEW;
END $$;

CREATE TRIGGER review_filter_columns_on_queueing BEFORE INSERT ON review
    FOR EACH ROW EXECUTE FUNCTION review_copy_filter_columns();

CREATE FUNCTION applicant_refresh_pending_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE review SET region = NEW.region, profession = NEW.profession, path = NEW.path, mailbox_type = NEW.mailbox_type
    WHERE account_id = NEW.account_id AND status = 'PENDING';
    RETURN NULL;
END $$;

CREATE TRIGGER applicant_filter_columns_changed AFTER UPDATE OF region, profession, path, mailbox_type ON applicant
    FOR EACH ROW
    WHEN ((OLD.region, OLD.profession, OLD.path, OLD.mailbox_type)
          IS DISTINCT FROM (NEW.region, NEW.profession, NEW.path, NEW.mailbox_type))
    EXECUTE FUNCTION applicant_refresh_pending_review();

-- Oldest first, the filter columns alongside: page and count are index-only scans of the pending items.
CREATE INDEX review_pending_filters ON review (submitted_at, id) INCLUDE (region, profession, path, mailbox_type)
    WHERE status = 'PENDING';
