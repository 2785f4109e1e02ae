-- A review opened by the re-check of a validated account after staff corrected its names: refusing it leaves the
-- account validated, so the account keeps its claim on the national identifier (identifier_claim).
ALTER TABLE identity_review ADD COLUMN names_corrected_by_staff BOOLEAN NOT NULL DEFAULT false;
