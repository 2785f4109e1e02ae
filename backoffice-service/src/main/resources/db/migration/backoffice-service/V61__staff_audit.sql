-- Every staff action (decisions, closures, reopenings, exports): who, what, on what, when, the state before and after.
-- Written in the transaction of the action itself; never changed nor removed (the trigger below refuses it, whoever asks).
CREATE TABLE staff_audit_record (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    staff        TEXT        NOT NULL,
    action       VARCHAR(40) NOT NULL,
    subject_type VARCHAR(40) NOT NULL,
    subject_id   TEXT        NOT NULL,
    before_state JSONB,
    after_state  JSONB
);
CREATE INDEX staff_audit_record_subject ON staff_audit_record (subject_id, id);
CREATE INDEX staff_audit_record_time ON staff_audit_record (occurred_at, id);
-- Decisions on reviews name their account in after_state: an account's history is found by either.
CREATE INDEX staff_audit_record_account ON staff_audit_record ((after_state ->> 'accountId'), id);

CREATE FUNCTION staff_audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'staff_audit_record is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER staff_audit_record_no_update_or_delete
    BEFORE UPDATE OR DELETE ON staff_audit_record
    FOR EACH ROW EXECUTE FUNCTION staff_audit_record_is_append_only();
CREATE TRIGGER staff_audit_record_no_truncate
    BEFORE TRUNCATE ON staff_audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_record_is_append_only();
