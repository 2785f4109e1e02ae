-- The queue's search ("contains", whatever the case) in names, e-mail, identifiers and MSSante address, through a
-- trigram index: with a million decided files beside the pending ones, a term of 3 characters or more finds its few
-- applicants in the index instead of reading every pending file. Both name orders are in the text ("Jean Durand",
-- "Durand Jean"); ' | ' separates the fields.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE applicant ADD COLUMN search_text TEXT GENERATED ALWAYS AS (lower(
    coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(first_name, '') || ' | '
    || coalesce(email, '') || ' | ' || coalesce(identifier, '') || ' | ' || coalesce(verified_identifier, '') || ' | '
    || coalesce(mss_address, ''))) STORED;

CREATE INDEX applicant_search_text ON applicant USING gin (search_text gin_trgm_ops);
