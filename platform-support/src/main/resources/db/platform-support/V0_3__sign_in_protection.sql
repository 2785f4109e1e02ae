-- Brute-force protection of sign-ins (LoginThrottle, this module), kept in each service's own database so that it
-- survives a restart and holds across instances. Logins and client addresses are stored as SHA-256 hashes only.
CREATE TABLE login_throttle (
    login_hash           VARCHAR(64) PRIMARY KEY,
    consecutive_failures INTEGER     NOT NULL,
    -- How many locks in a row (without a success in between): picks the next wait (1, 5, 15 minutes).
    lock_level           INTEGER     NOT NULL,
    locked_until         TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL
);

-- Requests counted per client address and kind over fixed windows (failed sign-ins, requests that send mail).
CREATE TABLE client_throttle (
    client_hash  VARCHAR(64) NOT NULL,
    kind         VARCHAR(30) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    attempts     INTEGER     NOT NULL,
    PRIMARY KEY (client_hash, kind, window_start)
);
