-- Assessments in INHOPE's ICCAM vocabulary (docs/SPEC.md §2). Existing rows are mapped:
-- year bands to age groups (0-2 infant; 3-6, 7-10 pre-pubescent; 11-13, 14-15, 16-17
-- pubescent; unknown not determined), gender unknown to not_determined, media mixed to other,
-- site types to their nearest (social to social_network, other to website), commercial
-- true/false to commercial/non_commercial. The old form had no reason, payment methods or
-- flags: mapped rows have no reason and no payment methods, and the flags are "no" on
-- illegal content (NULL on the rest), as the old form never asked.
UPDATE assessments SET victim_age = CASE victim_age
    WHEN '0-2' THEN 'infant'
    WHEN '3-6' THEN 'pre_pubescent'
    WHEN '7-10' THEN 'pre_pubescent'
    WHEN '11-13' THEN 'pubescent'
    WHEN '14-15' THEN 'pubescent'
    WHEN '16-17' THEN 'pubescent'
    ELSE 'not_determined' END
WHERE victim_age IS NOT NULL;
UPDATE assessments SET victim_gender = 'not_determined' WHERE victim_gender = 'unknown';
UPDATE assessments SET media = 'other' WHERE media = 'mixed';
UPDATE assessments SET site_type = 'social_network' WHERE site_type = 'social';
UPDATE assessments SET site_type = 'website' WHERE site_type = 'other';
ALTER TABLE assessments RENAME COLUMN victim_age TO age_group;
ALTER TABLE assessments RENAME COLUMN victim_gender TO gender;
ALTER TABLE assessments ADD COLUMN reason TEXT;
ALTER TABLE assessments ADD COLUMN commerciality TEXT;
-- Payment methods: their names, comma-separated, in the domain's order; '' for none recorded.
ALTER TABLE assessments ADD COLUMN payment_methods TEXT;
ALTER TABLE assessments ADD COLUMN is_virtual BOOLEAN;
ALTER TABLE assessments ADD COLUMN child_modelling BOOLEAN;
ALTER TABLE assessments ADD COLUMN user_generated BOOLEAN;
UPDATE assessments SET commerciality = CASE WHEN commercial THEN 'commercial' ELSE 'non_commercial' END,
    payment_methods = '', is_virtual = FALSE, child_modelling = FALSE, user_generated = FALSE
WHERE commercial IS NOT NULL;
ALTER TABLE assessments DROP COLUMN commercial;
