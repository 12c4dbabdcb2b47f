-- Gateway heartbeats: the latest per gateway (one row, replaced), and a bounded history for trends (at most one row
-- per gateway per Fleet:HistoryIntervalSeconds, pruned after Fleet:HistoryDays). Times are Unix ms; received_at is the
-- ingest's clock, sent_at the gateway's. No foreign key to gateways: a gateway may be configured before it is enrolled
-- in the store, and its heartbeat must not be lost for that.
CREATE TABLE gateway_heartbeats_latest (
    gateway_id TEXT PRIMARY KEY,
    received_at BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    version TEXT NOT NULL,
    buffered_readings BIGINT NOT NULL,
    buffered_bytes BIGINT NOT NULL,
    oldest_buffered_received_at BIGINT NULL,
    dead_letters BIGINT NOT NULL,
    buffer_full BIGINT NOT NULL,
    devices_seen_json TEXT NOT NULL,
    clock_offset_ms BIGINT NULL
);

CREATE TABLE gateway_heartbeats (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    gateway_id TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    version TEXT NOT NULL,
    buffered_readings BIGINT NOT NULL,
    buffered_bytes BIGINT NOT NULL,
    oldest_buffered_received_at BIGINT NULL,
    dead_letters BIGINT NOT NULL,
    buffer_full BIGINT NOT NULL,
    devices_seen_json TEXT NOT NULL,
    clock_offset_ms BIGINT NULL
);
CREATE INDEX gateway_heartbeats_by_gateway ON gateway_heartbeats (gateway_id, received_at);
CREATE INDEX gateway_heartbeats_by_time ON gateway_heartbeats (received_at);
