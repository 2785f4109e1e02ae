-- Every organisational (ORG) mailbox address ever issued, one row per request, kept forever like issued_address.
-- ORG domains (<finess|siret>-<number>.<region>.mssante.fr) never equal a profession domain, so the two tables
-- cannot hold the same address.
CREATE TABLE issued_organisational_address (
    request_id        UUID         PRIMARY KEY,
    owner_account_id  UUID         NOT NULL,
    address           VARCHAR(320) NOT NULL,
    local_part        VARCHAR(64)  NOT NULL,
    domain            VARCHAR(253) NOT NULL,
    name_key          VARCHAR(64)  NOT NULL,
    homonym_rank      INTEGER      NOT NULL,
    issued_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT issued_organisational_address_unique UNIQUE (address),
    CONSTRAINT issued_organisational_address_parts CHECK (address = local_part || '@' || domain),
    CONSTRAINT issued_organisational_address_lowercase CHECK (address = lower(address)),
    CONSTRAINT issued_organisational_address_rank CHECK (homonym_rank >= 1)
);

CREATE INDEX issued_organisational_address_homonyms ON issued_organisational_address (domain, name_key, homonym_rank);

CREATE FUNCTION issued_organisational_address_is_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Issued ORG addresses are permanent: % on issued_organisational_address refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER issued_organisational_address_no_change BEFORE UPDATE OR DELETE ON issued_organisational_address
    FOR EACH ROW EXECUTE FUNCTION issued_organisational_address_is_permanent();
CREATE TRIGGER issued_organisational_address_no_truncate BEFORE TRUNCATE ON issued_organisational_address
    FOR EACH STATEMENT EXECUTE FUNCTION issued_organisational_address_is_permanent();
