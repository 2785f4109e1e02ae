-- Decisions a person must settle (outcome MANUAL_REVIEW: a near miss on the name, no directory able to answer),
-- announced as IdentityReviewRequested, and the reviewer's conclusion (IdentityReviewConcluded) once it arrives.
-- identity_decision rows stay as decided; the conclusion and the event it led to are recorded here.
-- Note: since this version, identity_decision.mailbox_type of a MANUAL_REVIEW decision is the mailbox type a
-- confirmation gives (it was null before).
CREATE TABLE identity_review (
    decision_id          UUID         PRIMARY KEY REFERENCES identity_decision (id),
    account_id           UUID         NOT NULL,
    requested_at         TIMESTAMPTZ  NOT NULL,
    reason               VARCHAR(40)  NOT NULL,
    -- What IdentityVerified carries if the identity is confirmed: names, profession, specialties, identifier,
    -- mailbox type, structure, directory activities (JSON). A confirmation never asks the directory again.
    proposal             JSONB        NOT NULL,
    status               VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'REFUSED')),
    concluded_at         TIMESTAMPTZ,
    concluded_by         TEXT,
    -- The reviewer's text (French, for the applicant) when refused.
    refusal_reason       TEXT,
    conclusion_event_id  UUID,
    published_event_type VARCHAR(40),
    published_event_id   UUID,
    CONSTRAINT identity_review_conclusion_recorded CHECK (
        (status = 'PENDING') = (concluded_at IS NULL AND concluded_by IS NULL AND published_event_id IS NULL))
);
CREATE INDEX identity_review_account ON identity_review (account_id);
CREATE INDEX identity_review_pending ON identity_review (requested_at) WHERE status = 'PENDING';
