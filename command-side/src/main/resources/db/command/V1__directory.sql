-- The command side's directory: facts other aggregates need to decide (does the merchant exist,
-- which plan is in force, a listing's price, a distributor's upline). It is kept by a subscribing
-- event processor in the same transaction as the events it derives from, so it is never behind.

CREATE TABLE merchant (
    merchant_id VARCHAR(64) PRIMARY KEY
);

CREATE TABLE plan_version (
    merchant_id    VARCHAR(64) NOT NULL REFERENCES merchant,
    plan_version   INTEGER     NOT NULL,
    in_force_from  TIMESTAMPTZ NOT NULL,
    plan           JSONB       NOT NULL,
    PRIMARY KEY (merchant_id, plan_version)
);

CREATE TABLE listing (
    merchant_id      VARCHAR(64) NOT NULL REFERENCES merchant,
    listing_id       VARCHAR(64) NOT NULL,
    kind             VARCHAR(32) NOT NULL,
    unit_price_minor BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    withdrawn        BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (merchant_id, listing_id)
);

-- upline: sponsor first, root last.
CREATE TABLE distributor (
    merchant_id    VARCHAR(64)   NOT NULL REFERENCES merchant,
    distributor_id VARCHAR(64)   NOT NULL,
    upline         VARCHAR(64)[] NOT NULL,
    PRIMARY KEY (merchant_id, distributor_id)
);

-- Idempotency-Key records: the first answer to a key, replayed for retries.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    body            BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
