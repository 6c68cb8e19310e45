-- What a reporter sees is about their own report (docs/SPEC.md §4): when the hotline handled this
-- address of this report (assessed, forwarded unopened, closed) and when its removal was
-- confirmed, both only after the report arrived. A report joining a case that was handled
-- before it arrived stays `received`, so the status never tells whether an address was known.
ALTER TABLE report_addresses ADD COLUMN handled_at BIGINT;
ALTER TABLE report_addresses ADD COLUMN removed_at BIGINT;

-- Reports stored before: read the same from the timeline's "from -> to" moves.
UPDATE report_addresses SET handled_at = (
    SELECT MIN(e.at) FROM case_events e, reports r
    WHERE r.id = report_addresses.report_id AND e.case_id = report_addresses.case_id
      AND e.at >= r.received_at
      AND (e.details LIKE '% -> assessed' OR e.details LIKE '% -> closed'
           OR e.details LIKE '% -> removed' OR e.details = 'new -> referred')
);
UPDATE report_addresses SET removed_at = (
    SELECT MIN(e.at) FROM case_events e, reports r
    WHERE r.id = report_addresses.report_id AND e.case_id = report_addresses.case_id
      AND e.at >= r.received_at AND e.details LIKE '% -> removed'
)
WHERE case_id IN (SELECT id FROM cases WHERE state IN ('removed', 'closed'));
