-- Genealogy: each merchant's distributor tree, kept as a closure table (one row per ancestor and
-- descendant) beside per-day growth counters, so that no query walks the tree:
--   * a downline page is an index range scan of one ancestor's closure rows, by depth;
--   * headcount, direct recruits and depth, now or as of any day, sum one ancestor's growth rows
--     (one per day on which its downline grew), whatever the size of the downline.
-- The enrolment event records the sponsor's upline, so the closure rows of a new distributor
-- come from its own event, with no read of the tree.

CREATE TABLE merchant (
    merchant_id    VARCHAR(64)  PRIMARY KEY,
    name           TEXT         NOT NULL,
    licence_number TEXT         NOT NULL,
    jurisdiction   TEXT         NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    event_id       VARCHAR(255) NOT NULL
);

CREATE TABLE compensation_plan (
    merchant_id  VARCHAR(64) NOT NULL,
    plan_version INTEGER     NOT NULL,
    plan         JSONB       NOT NULL,
    declared_at  TIMESTAMPTZ  NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    PRIMARY KEY (merchant_id, plan_version)
);

CREATE TABLE distributor (
    merchant_id      VARCHAR(64)   NOT NULL,
    distributor_id   VARCHAR(64)   NOT NULL,
    sponsor_id       VARCHAR(64),
    -- sponsor first, root last; empty for a root
    upline           VARCHAR(64)[] NOT NULL,
    -- a root is level 1
    level            INTEGER       NOT NULL,
    joining_fee      BIGINT,
    joining_currency CHAR(3),
    plan_version     INTEGER,
    enrolled_at      TIMESTAMPTZ   NOT NULL,
    enrolled_on      DATE          NOT NULL,
    -- the enrolment event, evidence for whatever is said about this distributor
    event_id         VARCHAR(255)  NOT NULL,
    PRIMARY KEY (merchant_id, distributor_id)
);

CREATE INDEX distributor_by_level ON distributor (merchant_id, level, distributor_id);

-- Closure rows: depth 1 is a direct recruit. Keyed by depth too, so that one index serves both
-- the uniqueness a redelivered enrolment runs into and downline pages by depth.
CREATE TABLE downline (
    merchant_id    VARCHAR(64) NOT NULL,
    ancestor_id    VARCHAR(64) NOT NULL,
    depth          INTEGER     NOT NULL,
    distributor_id VARCHAR(64) NOT NULL,
    enrolled_on    DATE        NOT NULL,
    PRIMARY KEY (merchant_id, ancestor_id, depth, distributor_id)
);

-- How one distributor's downline grew on one day: who joined, how many of them it recruited
-- itself, and the deepest of them.
CREATE TABLE downline_growth (
    merchant_id VARCHAR(64) NOT NULL,
    ancestor_id VARCHAR(64) NOT NULL,
    day         DATE        NOT NULL,
    joined      BIGINT      NOT NULL,
    direct      BIGINT      NOT NULL,
    deepest     INTEGER     NOT NULL,
    PRIMARY KEY (merchant_id, ancestor_id, day)
);

-- The same for a merchant's whole network.
CREATE TABLE network_growth (
    merchant_id   VARCHAR(64) NOT NULL,
    day           DATE        NOT NULL,
    joined        BIGINT      NOT NULL,
    roots         BIGINT      NOT NULL,
    deepest_level INTEGER     NOT NULL,
    PRIMARY KEY (merchant_id, day)
);
