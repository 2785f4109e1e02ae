-- The W3C trace context (traceparent header value) of the transaction that recorded the event, so the relay publishes
-- the event in that same trace: one registration is one trace across the services, outbox hops included.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(128);
