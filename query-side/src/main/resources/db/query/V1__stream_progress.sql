-- How far each projection has followed the global event stream. Written in the same transaction
-- as the processor's tracking token, so it never claims more than the read model holds.
CREATE TABLE stream_progress (
    projection VARCHAR(100) PRIMARY KEY,
    position   BIGINT       NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
