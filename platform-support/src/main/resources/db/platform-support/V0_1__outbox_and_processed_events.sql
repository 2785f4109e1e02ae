-- Plumbing tables every service has in its own schema (platform-support).

-- Events recorded in the transaction of the state change that produced them, published by the relay.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    topic        VARCHAR(200) NOT NULL,
    record_key   VARCHAR(100) NOT NULL,
    payload      BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;

-- Ids of the events each consumer has handled: a redelivered event is recognised and ignored.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
