-- Idempotency keys belong to whoever sent them (access control, issue 6): the token subject. Two
-- merchants may pick the same key without colliding, and neither can replay the other's answer.
-- Keys stored before tokens existed belong to no one ('').
ALTER TABLE idempotency_key ADD COLUMN caller VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key ALTER COLUMN caller DROP DEFAULT;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (caller, idempotency_key);
