-- Idempotency keys are removed once older than their retention (IdempotencyKeyRemoval): found by age.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
