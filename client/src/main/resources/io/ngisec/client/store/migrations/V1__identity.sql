-- Owned by the home/identity work: identity, settings and the contacts cache (filled in by that change).
CREATE TABLE IF NOT EXISTS settings (name VARCHAR(100) PRIMARY KEY, setting_value VARCHAR(4000) NOT NULL);
