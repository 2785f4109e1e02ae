-- The national directory as imported from the open extraction file (PS_LibreAcces_Personne_activite).
-- One row per activity. Every import loads a new table (directory_activity_load_<id>) and swaps it in
-- under this name in one transaction, so a look-up never sees half a directory. Columns are TEXT: a
-- surprising value length must not make the whole COPY fail.
CREATE TABLE directory_activity (
    import_id           BIGINT  NOT NULL,
    line_number         BIGINT  NOT NULL,
    identifier_type     TEXT    NOT NULL,
    identifier          TEXT    NOT NULL,
    national_id         TEXT    NOT NULL,
    civility_code       TEXT,
    last_name           TEXT,
    first_name          TEXT,
    profession_code     TEXT,
    profession_label    TEXT,
    category_code       TEXT,
    skill_type_code     TEXT,
    skill_code          TEXT,
    skill_label         TEXT,
    practice_mode_code  TEXT,
    practice_mode_label TEXT,
    siret               TEXT,
    siren               TEXT,
    finess_site         TEXT,
    finess_legal        TEXT,
    structure_id        TEXT,
    structure_name      TEXT,
    trade_name          TEXT,
    postal_code         TEXT,
    city_code           TEXT,
    city                TEXT,
    department_code     TEXT,
    sector_code         TEXT,
    role_code           TEXT,
    activity_kind_code  TEXT
);
CREATE INDEX directory_activity_0_national_id ON directory_activity (national_id);
CREATE INDEX directory_activity_0_finess_site ON directory_activity (finess_site) WHERE finess_site IS NOT NULL;
CREATE INDEX directory_activity_0_finess_legal ON directory_activity (finess_legal) WHERE finess_legal IS NOT NULL;

-- Every import attempt, kept for audit: decisions name the import their evidence came from.
CREATE TABLE directory_import (
    id                 BIGSERIAL PRIMARY KEY,
    trigger            VARCHAR(20)   NOT NULL,
    source             VARCHAR(1000) NOT NULL,
    source_size        BIGINT,
    source_modified_at TIMESTAMPTZ,
    status             VARCHAR(20)   NOT NULL,
    encoding           VARCHAR(20),
    started_at         TIMESTAMPTZ   NOT NULL,
    finished_at        TIMESTAMPTZ,
    rows_read          BIGINT,
    rows_imported      BIGINT,
    rows_rejected      BIGINT,
    failure            TEXT,
    replaced_import_id BIGINT
);

-- Examples of rejected rows (capped per import; the counts in directory_import are exact).
CREATE TABLE directory_import_rejection (
    import_id   BIGINT NOT NULL REFERENCES directory_import (id),
    line_number BIGINT NOT NULL,
    reason      TEXT   NOT NULL,
    PRIMARY KEY (import_id, line_number)
);

-- Which import directory_activity holds; changes in the same transaction as the swap.
CREATE TABLE directory_state (
    id                SMALLINT PRIMARY KEY CHECK (id = 1),
    current_import_id BIGINT REFERENCES directory_import (id),
    row_count         BIGINT      NOT NULL DEFAULT 0,
    switched_at       TIMESTAMPTZ
);
INSERT INTO directory_state (id) VALUES (1);
