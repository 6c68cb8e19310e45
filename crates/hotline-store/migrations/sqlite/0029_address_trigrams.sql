-- Search by address fragment, indexed (issue 19): an FTS5 index of the trigrams of each
-- case's canonical address, so "addresses containing gallery-12" reads the index instead of
-- every case. The canonical address is the only text indexed (never the address as the
-- reporter typed it, which is sealed and erased by retention); the index keeps no copy of
-- its own (content = cases) and follows `cases` through the triggers below. A migration that
-- rebuilds `cases` must rebuild this index too ('rebuild').
CREATE VIRTUAL TABLE case_address_trigrams USING fts5 (
    canonical_url,
    content = 'cases',
    content_rowid = 'id',
    tokenize = 'trigram case_sensitive 0',
    detail = 'full'
);
INSERT INTO case_address_trigrams (case_address_trigrams) VALUES ('rebuild');

CREATE TRIGGER case_address_trigrams_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO case_address_trigrams (rowid, canonical_url) VALUES (NEW.id, NEW.canonical_url);
END;

CREATE TRIGGER case_address_trigrams_delete AFTER DELETE ON cases
BEGIN
    INSERT INTO case_address_trigrams (case_address_trigrams, rowid, canonical_url)
        VALUES ('delete', OLD.id, OLD.canonical_url);
END;

CREATE TRIGGER case_address_trigrams_update AFTER UPDATE OF canonical_url ON cases
BEGIN
    INSERT INTO case_address_trigrams (case_address_trigrams, rowid, canonical_url)
        VALUES ('delete', OLD.id, OLD.canonical_url);
    INSERT INTO case_address_trigrams (rowid, canonical_url) VALUES (NEW.id, NEW.canonical_url);
END;
