-- Owned by the transfer work: transfers and their verified chunks (filled in by that change).
CREATE TABLE IF NOT EXISTS transfer_placeholder (id INT PRIMARY KEY);
