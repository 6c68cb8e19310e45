-- Statistics (PostgreSQL): periods select the cases opened in them and the notices sent in them.
CREATE INDEX cases_created ON cases (created_at);
CREATE INDEX notices_sent ON notices (sent_at) WHERE sent_at IS NOT NULL;
