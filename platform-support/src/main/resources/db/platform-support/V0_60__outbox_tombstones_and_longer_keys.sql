-- A compacted topic forgets a key when it receives a tombstone: a record with that key and no value.
-- Such an outbox row has no payload (and no writer schema). Keys are not always account ids either
-- (the directory feed is keyed by MSSante address, up to 64 + 1 + domain characters).
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE outbox_event ALTER COLUMN record_key TYPE VARCHAR(320);
