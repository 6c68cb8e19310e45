-- Finding and grouping cases (SQLite): the indexes behind the staff search, the hosting of
-- each case's latest trace copied out for search by IP, AS number and country, and the open
-- cases per host and per registrable domain kept up to date by triggers, so the grouped
-- queue views read a few rows at a million cases.

-- Search by registrable domain and host, newest first.
CREATE INDEX cases_domain_id ON cases (registrable_domain, id) WHERE registrable_domain IS NOT NULL;
DROP INDEX cases_host;
CREATE INDEX cases_host_id ON cases (host, id);
-- The oldest open case of a host or domain (what the triggers below recompute on a close).
CREATE INDEX cases_open_host ON cases (host, created_at) WHERE state <> 'closed';
CREATE INDEX cases_open_domain ON cases (registrable_domain, created_at) WHERE state <> 'closed';
-- Search by partner reference (theirs or the referral's id) and the police's file number.
CREATE INDEX referrals_their_reference ON referrals (their_reference) WHERE their_reference IS NOT NULL;
CREATE INDEX referrals_referral_id ON referrals (referral_id);
CREATE INDEX police_steps_reference ON police_steps (reference) WHERE reference IS NOT NULL;

-- Where the case's address was hosted at its latest trace, one row per address.
CREATE TABLE case_hosting (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    ip      TEXT NOT NULL,
    asn     INTEGER,
    country TEXT,
    PRIMARY KEY (case_id, ip)
);
CREATE INDEX case_hosting_ip ON case_hosting (ip, case_id);
CREATE INDEX case_hosting_asn ON case_hosting (asn, case_id) WHERE asn IS NOT NULL;
CREATE INDEX case_hosting_country ON case_hosting (country, case_id) WHERE country IS NOT NULL;
INSERT OR IGNORE INTO case_hosting (case_id, ip, asn, country)
    SELECT t.case_id, json_extract(a.value, '$.ip'), json_extract(a.value, '$.asn'),
           json_extract(a.value, '$.country')
    FROM traces t, json_each(t.result, '$.addresses') a
    WHERE t.id = (SELECT MAX(t2.id) FROM traces t2 WHERE t2.case_id = t.case_id)
      AND json_extract(a.value, '$.ip') IS NOT NULL;

-- Open cases per host and per registrable domain, and when the oldest of them arrived.
CREATE TABLE case_groups (
    kind       TEXT NOT NULL CHECK (kind IN ('host', 'domain')),
    key        TEXT NOT NULL,
    open_cases INTEGER NOT NULL,
    oldest_at  INTEGER,
    PRIMARY KEY (kind, key)
);
CREATE INDEX case_groups_oldest ON case_groups (kind, oldest_at, key) WHERE open_cases > 0;
INSERT INTO case_groups (kind, key, open_cases, oldest_at)
    SELECT 'host', host, COUNT(*), MIN(created_at) FROM cases WHERE state <> 'closed' GROUP BY host;
INSERT INTO case_groups (kind, key, open_cases, oldest_at)
    SELECT 'domain', registrable_domain, COUNT(*), MIN(created_at) FROM cases
    WHERE state <> 'closed' AND registrable_domain IS NOT NULL GROUP BY registrable_domain;

CREATE TRIGGER case_groups_opened_insert AFTER INSERT ON cases WHEN NEW.state <> 'closed'
BEGIN
    INSERT INTO case_groups (kind, key, open_cases, oldest_at) VALUES ('host', NEW.host, 1, NEW.created_at)
        ON CONFLICT (kind, key) DO UPDATE SET open_cases = open_cases + 1,
            oldest_at = CASE WHEN open_cases = 0 OR oldest_at IS NULL THEN excluded.oldest_at
                             ELSE MIN(oldest_at, excluded.oldest_at) END;
    INSERT INTO case_groups (kind, key, open_cases, oldest_at)
        SELECT 'domain', NEW.registrable_domain, 1, NEW.created_at WHERE NEW.registrable_domain IS NOT NULL
        ON CONFLICT (kind, key) DO UPDATE SET open_cases = open_cases + 1,
            oldest_at = CASE WHEN open_cases = 0 OR oldest_at IS NULL THEN excluded.oldest_at
                             ELSE MIN(oldest_at, excluded.oldest_at) END;
END;

CREATE TRIGGER case_groups_reopened AFTER UPDATE OF state ON cases
    WHEN OLD.state = 'closed' AND NEW.state <> 'closed'
BEGIN
    INSERT INTO case_groups (kind, key, open_cases, oldest_at) VALUES ('host', NEW.host, 1, NEW.created_at)
        ON CONFLICT (kind, key) DO UPDATE SET open_cases = open_cases + 1,
            oldest_at = CASE WHEN open_cases = 0 OR oldest_at IS NULL THEN excluded.oldest_at
                             ELSE MIN(oldest_at, excluded.oldest_at) END;
    INSERT INTO case_groups (kind, key, open_cases, oldest_at)
        SELECT 'domain', NEW.registrable_domain, 1, NEW.created_at WHERE NEW.registrable_domain IS NOT NULL
        ON CONFLICT (kind, key) DO UPDATE SET open_cases = open_cases + 1,
            oldest_at = CASE WHEN open_cases = 0 OR oldest_at IS NULL THEN excluded.oldest_at
                             ELSE MIN(oldest_at, excluded.oldest_at) END;
END;

CREATE TRIGGER case_groups_closed AFTER UPDATE OF state ON cases
    WHEN OLD.state <> 'closed' AND NEW.state = 'closed'
BEGIN
    UPDATE case_groups SET open_cases = open_cases - 1,
        oldest_at = (SELECT MIN(created_at) FROM cases WHERE host = NEW.host AND state <> 'closed')
        WHERE kind = 'host' AND key = NEW.host;
    UPDATE case_groups SET open_cases = open_cases - 1,
        oldest_at = (SELECT MIN(created_at) FROM cases WHERE registrable_domain = NEW.registrable_domain AND state <> 'closed')
        WHERE kind = 'domain' AND key = NEW.registrable_domain;
END;
