-- Staff correct a validated account's names: the identity is checked again and the account reviewed again. Until that
-- new review approves them, the directory keeps showing the names last validated, kept here (null when no names
-- re-check is pending).
ALTER TABLE applicant
    ADD COLUMN validated_last_name text,
    ADD COLUMN validated_first_name text;

-- Approving staff-corrected names is a second approval of the same account. Two approvals can still never race: an
-- account has at most one pending review (review_one_pending_per_account), and each submission one review.
DROP INDEX review_one_approval_per_account;
