-- Every command recorded, under what identifies it for a retry (MerchantCommand.retryKey, or its type,
-- stream and fingerprint for a command without an id of its own). Written in the transaction of the
-- command's events, so a row exists exactly when they do: a retry after a crash finds it and is answered
-- with the first stream and position instead of a conflict. Kept for ever, as the events are.
CREATE TABLE recorded_command (
    merchant_id VARCHAR(64) NOT NULL,
    retry_key   TEXT        NOT NULL,
    -- SHA-256 (hex) of the command's type and published-language JSON
    fingerprint CHAR(64)    NOT NULL,
    stream      TEXT        NOT NULL,
    position    BIGINT      NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, retry_key)
);
