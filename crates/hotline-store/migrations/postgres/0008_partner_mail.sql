-- Partners that take referrals by e-mail: the age public key (age1…) their referrals are
-- encrypted to; none means they get them in plain text, as the admin chose.
ALTER TABLE partners ADD COLUMN encrypt_to TEXT;
