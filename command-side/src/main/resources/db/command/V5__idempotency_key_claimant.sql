-- A claim names the database session that made it (its backend's pid and start time). The session
-- lives as long as the command side that holds it in its pool: a claim whose session is gone was
-- left by a command side that crashed, and a retry takes it over at once rather than after the
-- in-flight timeout. Claims made before this column existed wait for the timeout as before.
ALTER TABLE idempotency_key ADD COLUMN claimant_pid INTEGER;
ALTER TABLE idempotency_key ADD COLUMN claimant_since TIMESTAMP WITH TIME ZONE;
