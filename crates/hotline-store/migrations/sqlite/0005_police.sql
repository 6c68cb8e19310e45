-- What the police last recorded on a referred case (SQLite); every step is also a timeline entry.
ALTER TABLE cases ADD COLUMN police_status TEXT;
