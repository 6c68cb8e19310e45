-- What the police last recorded on a referred case (PostgreSQL); every step is also a timeline entry.
ALTER TABLE cases ADD COLUMN police_status TEXT;
