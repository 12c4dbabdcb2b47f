-- Relapse and technical alerts with their life cycle (open -> acknowledged -> resolved), append-only notes, the
-- webhook outbox and the lease that lets one ingest instance at a time run the scheduled evaluation pass.
CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    rule_id TEXT NOT NULL,
    -- empty for clinical rules, the device id for technical ones
    subject TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    last_fired_at BIGINT NOT NULL,
    firing_count INTEGER NOT NULL,
    -- AlertFiring as JSON: values, window, threshold/baseline, message, source
    first_firing_json TEXT NOT NULL,
    latest_firing_json TEXT NOT NULL,
    acknowledged_at BIGINT NULL,
    acknowledged_by TEXT NULL,
    resolved_at BIGINT NULL,
    resolved_by TEXT NULL,
    resolution TEXT NULL
);
-- One active (open or acknowledged) alert per patient, rule and subject, enforced by the database: two ingest
-- instances evaluating the same patient at once cannot both open one.
CREATE UNIQUE INDEX alerts_one_active ON alerts (patient_id, rule_id, subject) WHERE status <> 'resolved';
CREATE INDEX alerts_by_patient ON alerts (patient_id, opened_at);
CREATE INDEX alerts_by_status ON alerts (status, opened_at);

CREATE TABLE alert_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL REFERENCES alerts (id),
    at BIGINT NOT NULL,
    author_kind TEXT NOT NULL,
    author_id TEXT NULL,
    -- note | acknowledged | resolved
    kind TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX alert_notes_by_alert ON alert_notes (alert_id, id);

CREATE TABLE alert_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL REFERENCES alerts (id),
    event TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    payload_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    -- a dispatcher claims a row until this time, so two instances do not post it at once
    claimed_until BIGINT NULL,
    delivered_at BIGINT NULL,
    last_error TEXT NULL
);
CREATE INDEX alert_outbox_due ON alert_outbox (delivered_at, next_attempt_at);

CREATE TABLE alert_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
