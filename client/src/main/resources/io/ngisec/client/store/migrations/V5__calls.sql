-- What `ngisec diag` shows about calls: one row per call, refreshed while it is on, kept after it ends.
CREATE TABLE IF NOT EXISTS call_log (
    call_id      VARCHAR(64) PRIMARY KEY,
    peer_user    VARCHAR(200) NOT NULL,
    peer_device  VARCHAR(36) NOT NULL,
    outgoing     BOOLEAN NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    end_reason   VARCHAR(32),
    end_message  VARCHAR(500),
    stats        VARCHAR(4000)
);
CREATE INDEX IF NOT EXISTS call_log_started ON call_log (started_at);
