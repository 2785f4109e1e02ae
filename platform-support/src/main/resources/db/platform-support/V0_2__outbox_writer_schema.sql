-- The schema each event was written with, so the relay can still read a row recorded before a deployment
-- changed the event's schema (Avro needs the writer's schema to decode). Rows from before this column
-- exist were written with the schema of the release that wrote them, which is the current one.
ALTER TABLE outbox_event ADD COLUMN writer_schema TEXT;

-- A row that can never be published (it cannot be decoded) is set aside with the reason instead of
-- blocking every event recorded after it.
ALTER TABLE outbox_event ADD COLUMN failure TEXT;
DROP INDEX outbox_event_pending;
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL AND failure IS NULL;
