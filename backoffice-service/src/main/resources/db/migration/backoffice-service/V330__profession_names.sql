-- The labels of the TRE_G15 profession codes, learnt from ProfessionalProfileSubmitted.professionLabel:
-- registration-service owns the nomenclature, this service keeps no copy of its own.
CREATE TABLE profession_name (
    code  TEXT PRIMARY KEY,
    label TEXT NOT NULL
);
