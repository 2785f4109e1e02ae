-- ORG mailbox requests are queue items like the others: their 40-hour reminder is recorded once, and their decisions
-- count in the decisions-per-hour metric and go into the export of decisions (merged in decided_at, id order).
ALTER TABLE promise_reminder DROP CONSTRAINT promise_reminder_item_kind_check;
ALTER TABLE promise_reminder ADD CONSTRAINT promise_reminder_item_kind_check CHECK (item_kind IN ('ACCOUNT', 'IDENTITY', 'ORG'));
CREATE INDEX org_review_decided ON org_review (decided_at, id) WHERE decided_at IS NOT NULL;
