-- Staff bearer tokens expire (a therapist or operator gets a new one); NULL = rows from before this migration, which
-- keep working until revoked.
ALTER TABLE therapists ADD COLUMN expires_at BIGINT NULL;
ALTER TABLE operators ADD COLUMN expires_at BIGINT NULL;
