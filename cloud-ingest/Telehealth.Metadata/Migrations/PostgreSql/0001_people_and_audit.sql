-- Patients (pseudonymous ids only), care teams, therapists, operators and the audit log.
CREATE TABLE patients (
    id TEXT PRIMARY KEY,
    condition TEXT NULL,
    utc_offset_minutes INTEGER NOT NULL DEFAULT 60,
    settings_json TEXT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE care_teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE care_team_patients (
    care_team_id TEXT NOT NULL REFERENCES care_teams (id),
    patient_id TEXT NOT NULL REFERENCES patients (id),
    PRIMARY KEY (care_team_id, patient_id)
);
CREATE INDEX care_team_patients_by_patient ON care_team_patients (patient_id);

CREATE TABLE therapists (
    id TEXT PRIMARY KEY,
    care_team_id TEXT NOT NULL REFERENCES care_teams (id),
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);

CREATE TABLE operators (
    id TEXT PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);

CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NULL,
    action TEXT NOT NULL,
    patient_id TEXT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NULL,
    detail TEXT NULL
);
CREATE INDEX audit_log_by_patient ON audit_log (patient_id, at);
CREATE INDEX audit_log_by_actor ON audit_log (actor_kind, actor_id, at);
