-- Every MSSante address ever issued, one row per account, kept forever: an address once issued must never
-- reach another person, even after the account was rejected or closed, so rows are never deleted.
CREATE TABLE issued_address (
    account_id     UUID         PRIMARY KEY,
    address        VARCHAR(320) NOT NULL,
    local_part     VARCHAR(64)  NOT NULL,
    domain         VARCHAR(253) NOT NULL,
    -- The local part without homonym suffix, shared by all homonyms on the domain; with homonym_rank it
    -- tells where the next homonym should start looking (the address constraint alone guarantees uniqueness).
    name_key       VARCHAR(64)  NOT NULL,
    homonym_rank   INTEGER      NOT NULL,
    mailbox_type   VARCHAR(3)   NOT NULL,
    issued_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT issued_address_address_unique UNIQUE (address),
    CONSTRAINT issued_address_address_parts CHECK (address = local_part || '@' || domain),
    CONSTRAINT issued_address_lowercase CHECK (address = lower(address)),
    CONSTRAINT issued_address_rank_positive CHECK (homonym_rank >= 1),
    CONSTRAINT issued_address_mailbox_type CHECK (mailbox_type IN ('PER', 'INT'))
);

CREATE INDEX issued_address_homonyms ON issued_address (domain, name_key, homonym_rank);

-- The application never deletes nor re-points an address; the database makes sure nobody else does either.
-- The only change allowed is the mailbox type going from INT to PER (the holder obtained a national id).
CREATE FUNCTION issued_address_is_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION 'Issued MSSante addresses are permanent: % on issued_address refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.account_id <> OLD.account_id OR NEW.address <> OLD.address OR NEW.local_part <> OLD.local_part
            OR NEW.domain <> OLD.domain OR NEW.name_key <> OLD.name_key OR NEW.homonym_rank <> OLD.homonym_rank
            OR NEW.issued_at <> OLD.issued_at THEN
        RAISE EXCEPTION 'Issued MSSante address % cannot be changed', OLD.address
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.mailbox_type = 'PER' AND NEW.mailbox_type <> 'PER' THEN
        RAISE EXCEPTION 'Mailbox % is PER and cannot go back to %', OLD.address, NEW.mailbox_type
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER issued_address_no_change BEFORE UPDATE OR DELETE ON issued_address
    FOR EACH ROW EXECUTE FUNCTION issued_address_is_permanent();
CREATE TRIGGER issued_address_no_truncate BEFORE TRUNCATE ON issued_address
    FOR EACH STATEMENT EXECUTE FUNCTION issued_address_is_permanent();
