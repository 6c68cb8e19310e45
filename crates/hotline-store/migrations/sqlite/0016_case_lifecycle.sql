-- The case life cycle (SQLite): police steps as an append-only list, closing reasons.
--
-- A police step used to overwrite one column, so `hold` then `acknowledged` lost the hold.
-- Every step is now a row of its own; what is in force is read from the whole list.
CREATE TABLE police_steps (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    at        INTEGER NOT NULL,
    step      TEXT NOT NULL,
    reference TEXT,               -- acknowledged: the police's file number
    reason    TEXT,               -- declined: why
    country   TEXT,               -- passed_abroad: where to
    note      TEXT,
    actor     TEXT NOT NULL
);
CREATE INDEX police_steps_case ON police_steps (case_id, id);
-- The last recorded step of each case is all the old column kept.
INSERT INTO police_steps (case_id, at, step, actor)
    SELECT id, updated_at, police_status, 'migration' FROM cases WHERE police_status IS NOT NULL;
ALTER TABLE cases DROP COLUMN police_status;

-- Why a closed case was closed (a closing reason of docs/SPEC.md §2); NULL for cases closed before.
ALTER TABLE cases ADD COLUMN closed_reason TEXT;

-- Police units (docs/SPEC.md §1): an officer belongs to a unit, a referral goes to a unit, and an
-- officer sees only what was referred to their unit. Everything so far went to the national one.
ALTER TABLE users ADD COLUMN unit TEXT NOT NULL DEFAULT 'national';
ALTER TABLE cases ADD COLUMN police_unit TEXT;
UPDATE cases SET police_unit = 'national' WHERE referred_to_police = TRUE;
CREATE INDEX cases_police_unit ON cases (police_unit, id) WHERE police_unit IS NOT NULL;
-- When the unit's notify addresses were told of this referral (NULL: not yet).
ALTER TABLE cases ADD COLUMN police_notified_at INTEGER;
