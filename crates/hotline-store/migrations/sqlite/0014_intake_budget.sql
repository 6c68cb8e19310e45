-- The global intake limit across app servers: how many reports were reserved in each minute
-- window (UTC minutes since 1970). No client data of any kind.
CREATE TABLE intake_budget (
    minute BIGINT PRIMARY KEY,
    taken BIGINT NOT NULL
);
