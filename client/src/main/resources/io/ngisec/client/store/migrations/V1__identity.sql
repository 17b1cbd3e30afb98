-- The device's enrollment, its settings and the contacts cache. H2 2.x. Every statement ends with
-- a semicolon at the end of a line (the migration runner splits there), so none appear in comments.
-- Instants are TIMESTAMP WITH TIME ZONE in UTC, device ids UUID, certificates DER. The private keys
-- are not here: they live encrypted in the home's key store. H2 commits DDL at once, so every
-- statement may run again (a migration cut short is finished by running it again).

-- The one enrolled identity of this home (singleton = 1 keeps it to one row).
CREATE TABLE IF NOT EXISTS identity (
    singleton          INT DEFAULT 1 PRIMARY KEY CHECK (singleton = 1),
    device_id          UUID NOT NULL,
    user_name          VARCHAR(200) NOT NULL,
    groups_json        VARCHAR(20000) NOT NULL,
    device_name        VARCHAR(200) NOT NULL,
    server_url         VARCHAR(2000) NOT NULL,
    ca_fingerprint     CHAR(64) NOT NULL,
    ca_certificate     VARBINARY(65536) NOT NULL,
    device_certificate VARBINARY(65536) NOT NULL,
    enrolled_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at         TIMESTAMP WITH TIME ZONE
);

-- The ticket-signer certificates the identity trusts, in the order the server listed them.
CREATE TABLE IF NOT EXISTS ticket_signers (
    position    INT PRIMARY KEY,
    certificate VARBINARY(65536) NOT NULL
);

CREATE TABLE IF NOT EXISTS settings (
    name          VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);

-- The directory as last seen: services is SERVICE=QOS pairs, e.g. FILE=BULK,CHAT=INTERACTIVE.
CREATE TABLE IF NOT EXISTS contacts (
    device_id   UUID PRIMARY KEY,
    user_name   VARCHAR(200) NOT NULL,
    device_name VARCHAR(200) NOT NULL,
    online      BOOLEAN NOT NULL,
    services    VARCHAR(1000) NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS contacts_by_user ON contacts (user_name);
