-- An e-mail is now recorded in two committed steps: the intent before the SMTP send (sent_at empty), then the mark
-- once the server accepted it. A row without sent_at is an e-mail whose send may or may not have reached the server
-- (see MailDelivery). One row per event and template: a redelivered event finds its e-mail already there.
ALTER TABLE sent_email ALTER COLUMN sent_at DROP NOT NULL;
ALTER TABLE sent_email ALTER COLUMN sent_at DROP DEFAULT;
ALTER TABLE sent_email ADD COLUMN intended_at TIMESTAMPTZ;
UPDATE sent_email SET intended_at = sent_at;
ALTER TABLE sent_email ALTER COLUMN intended_at SET NOT NULL;
ALTER TABLE sent_email ALTER COLUMN intended_at SET DEFAULT now();
ALTER TABLE sent_email ADD COLUMN attempts INT NOT NULL DEFAULT 1;
ALTER TABLE sent_email ADD CONSTRAINT sent_email_one_per_event UNIQUE (event_id, template);
