-- Staff may close an approved organisational mailbox (backoffice-service announces it): its owner and members still see
-- it, as closed, and nobody can give or take access to it any more.
ALTER TABLE organisational_mailbox DROP CONSTRAINT organisational_mailbox_status;
ALTER TABLE organisational_mailbox ADD CONSTRAINT organisational_mailbox_status
    CHECK (status IN ('VALIDATION_PENDING', 'VALIDATED', 'REJECTED', 'CLOSED'));
