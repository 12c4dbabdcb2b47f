-- Gateways bound to one patient each, their enrolment codes and secrets (SHA-256 only), and the devices enrolled on them.
CREATE TABLE gateways (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    secret_sha256 TEXT NULL,
    secret_expires_at BIGINT NULL,
    -- a rotated secret not yet used: the old one keeps working until the gateway first uses the new one
    next_secret_sha256 TEXT NULL,
    next_secret_expires_at BIGINT NULL,
    enrolment_code_sha256 TEXT NULL,
    enrolment_code_expires_at BIGINT NULL,
    created_at BIGINT NOT NULL,
    enrolled_at BIGINT NULL,
    revoked_at BIGINT NULL
);
CREATE INDEX gateways_by_patient ON gateways (patient_id);

CREATE TABLE devices (
    gateway_id TEXT NOT NULL REFERENCES gateways (id),
    device_id TEXT NOT NULL,
    kind TEXT NULL,
    enrolled_at BIGINT NOT NULL,
    revoked_at BIGINT NULL,
    PRIMARY KEY (gateway_id, device_id)
);
