-- Referrals that carry the work (docs/SPEC.md §2): what a partner hotline sent with a referral
-- it made to us, its assessment and its trace, as JSON (hotline_domain::federation::ReferredWork),
-- to show on the case as the referring hotline's assessment. Never anything of the reporter.
ALTER TABLE referrals ADD COLUMN their_work TEXT;
