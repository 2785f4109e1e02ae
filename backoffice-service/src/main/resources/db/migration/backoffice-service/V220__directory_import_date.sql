-- IdentityVerified.directoryImportedAt: when the imported directory that vouched for the identity was imported, shown
-- to reviewers next to the source. Null for other sources and for evidence recorded before the field existed.
ALTER TABLE applicant ADD COLUMN directory_imported_at TIMESTAMPTZ;
