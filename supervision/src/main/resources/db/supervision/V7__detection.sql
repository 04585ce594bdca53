-- Detection: the facts the rules judge that the other read models do not keep (quantities and
-- customers of sales, commission levels, refund requests and their answers), the alerts raised,
-- the versioned rule catalogue, and the shadow findings of a candidate rule set.

-- Every sale, with what the retail-share, inventory and ten-customer tests need.
CREATE TABLE risk_sale (
    merchant_id  VARCHAR(64)  NOT NULL,
    sale_id      VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    -- null when the merchant sold directly
    seller_id    VARCHAR(64),
    -- the participant who bought, null for an end customer
    buyer_id     VARCHAR(64),
    customer_ref VARCHAR(100),
    listing_kind VARCHAR(32)  NOT NULL,
    quantity     INTEGER      NOT NULL,
    amount       BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    day          DATE         NOT NULL,
    PRIMARY KEY (merchant_id, sale_id)
);

CREATE INDEX risk_sale_by_day ON risk_sale (merchant_id, day);

CREATE TABLE risk_commission (
    event_id       VARCHAR(255) PRIMARY KEY,
    merchant_id    VARCHAR(64)  NOT NULL,
    beneficiary_id VARCHAR(64)  NOT NULL,
    level          INTEGER      NOT NULL,
    basis          VARCHAR(32)  NOT NULL,
    amount         BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    sale_id        VARCHAR(64),
    occurred_at    TIMESTAMPTZ  NOT NULL,
    day            DATE         NOT NULL
);

CREATE INDEX risk_commission_by_day ON risk_commission (merchant_id, day);

-- A refund request and its answer. A refund issued without a request has no request columns.
CREATE TABLE risk_refund (
    merchant_id      VARCHAR(64)  NOT NULL,
    sale_id          VARCHAR(64)  NOT NULL,
    refund_id        VARCHAR(64)  NOT NULL,
    requested_at     TIMESTAMPTZ,
    request_event_id VARCHAR(255),
    answer           VARCHAR(16),
    answered_at      TIMESTAMPTZ,
    answer_event_id  VARCHAR(255),
    PRIMARY KEY (merchant_id, sale_id, refund_id)
);

-- Networks with events the continuous evaluation has not judged yet: the position of the newest
-- of them (a network is judged once every read model has reached it) and the newest business day
-- among them (the day it is judged as of: what lies beyond that position is not counted on).
CREATE TABLE detection_pending (
    merchant_id VARCHAR(64) PRIMARY KEY,
    position    BIGINT      NOT NULL,
    day         DATE
);

-- Alerts, as raised by AlertRaised events; status follows the case work on them.
CREATE TABLE alert (
    alert_id          VARCHAR(64)  PRIMARY KEY,
    merchant_id       VARCHAR(64)  NOT NULL,
    rule_id           VARCHAR(64)  NOT NULL,
    rule_version      INTEGER      NOT NULL,
    rule_set_version  INTEGER      NOT NULL,
    severity          VARCHAR(16)  NOT NULL,
    category          VARCHAR(32)  NOT NULL,
    subtree_root_id   VARCHAR(64),
    period            VARCHAR(7),
    observed_on       DATE         NOT NULL,
    measurements      JSONB        NOT NULL,
    reason            TEXT         NOT NULL,
    evidence_event_ids TEXT[]      NOT NULL,
    evidence_total    BIGINT       NOT NULL,
    raised_at         TIMESTAMPTZ  NOT NULL,
    event_id          VARCHAR(255) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    case_id           VARCHAR(64)
);

CREATE INDEX alert_by_merchant ON alert (merchant_id, raised_at);

-- The rule catalogue is regulator configuration, not a projection: rows are only ever added,
-- and a rebuild of the read models leaves them alone.
CREATE TABLE detection_rule_version (
    rule_id       VARCHAR(64) NOT NULL,
    version       INTEGER     NOT NULL,
    logic_version INTEGER     NOT NULL,
    thresholds    JSONB       NOT NULL,
    -- 'configuration' (application properties) or 'regulator' (the REST API)
    origin        VARCHAR(16) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rule_id, version)
);

CREATE TABLE detection_rule_set (
    version    INTEGER     PRIMARY KEY,
    -- rule id -> rule version
    rules      JSONB       NOT NULL,
    note       TEXT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE detection_rule_set_activation (
    activation   BIGSERIAL   PRIMARY KEY,
    version      INTEGER     NOT NULL REFERENCES detection_rule_set (version),
    activated_at TIMESTAMPTZ NOT NULL
);

-- The candidate rule set run in shadow mode, if any: one row, shared by every instance.
CREATE TABLE detection_shadow (
    singleton        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    rule_set_version INTEGER REFERENCES detection_rule_set (version)
);

-- What a candidate rule set run in shadow mode would have raised; never alerts.
CREATE TABLE shadow_finding (
    rule_set_version INTEGER     NOT NULL,
    alert_id         VARCHAR(64) NOT NULL,
    merchant_id      VARCHAR(64) NOT NULL,
    rule_id          VARCHAR(64) NOT NULL,
    rule_version     INTEGER     NOT NULL,
    period           VARCHAR(7),
    observed_on      DATE        NOT NULL,
    measurements     JSONB       NOT NULL,
    reason           TEXT        NOT NULL,
    first_seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rule_set_version, alert_id)
);

-- Alerts name their evidence by event id; the audit trail resolves them.
CREATE INDEX audit_event_by_event_id ON audit_event (event_id);
