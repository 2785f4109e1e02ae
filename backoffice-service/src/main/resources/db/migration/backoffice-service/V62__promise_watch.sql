-- Items of the queue (account reviews, identity reviews) whose 40-hour reminder went to the service desk: once per item.
CREATE TABLE promise_reminder (
    item_kind VARCHAR(10) NOT NULL CHECK (item_kind IN ('ACCOUNT', 'IDENTITY')),
    item_id   UUID        NOT NULL,
    sent_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_kind, item_id)
);

-- Decisions by time: the decisions-per-hour metric and the export of decisions over a period.
CREATE INDEX review_decided ON review (decided_at, id) WHERE decided_at IS NOT NULL;
CREATE INDEX identity_review_decided ON identity_review (decided_at) WHERE decided_at IS NOT NULL;
