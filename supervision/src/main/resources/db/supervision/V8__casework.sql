-- Case work: the regulators' cases, the alerts each was opened on, and the timeline of every action
-- taken on it with who and when. Written by the "casework" processor (CaseworkProjection) from the
-- case files' events; every value comes from an event, so a rebuild from event 0 reproduces the
-- same rows. Case ids are unique across merchants (a case is the regulator's, not the merchant's).

CREATE TABLE case_file (
    case_id         VARCHAR(64)  PRIMARY KEY,
    merchant_id     VARCHAR(64)  NOT NULL,
    status          VARCHAR(20)  NOT NULL
        CONSTRAINT case_file_status CHECK (status IN ('OPEN', 'UNDER_REVIEW', 'ESCALATED', 'CLOSED')),
    opened_by       VARCHAR(200) NOT NULL,
    opened_at       TIMESTAMPTZ  NOT NULL,
    -- why it was opened, if the regulator said
    summary         TEXT,
    escalated       BOOLEAN      NOT NULL,
    closed_by       VARCHAR(200),
    closed_at       TIMESTAMPTZ,
    finding         VARCHAR(40),
    closing_summary TEXT
);

-- Work lists: a merchant's cases, or the cases in one status, newest first.
CREATE INDEX case_file_by_merchant ON case_file (merchant_id, opened_at DESC, case_id DESC);
CREATE INDEX case_file_by_status ON case_file (status, opened_at DESC, case_id DESC);

CREATE TABLE case_alert (
    case_id  VARCHAR(64) NOT NULL,
    alert_id VARCHAR(64) NOT NULL,
    -- the alert's place in the list the case was opened on, from 1
    ordinal  INTEGER     NOT NULL,
    PRIMARY KEY (case_id, alert_id)
);

-- One row per event of a case file, keyed by its place in the case's stream: a redelivered event
-- adds nothing, and the status it implies is applied only when its row is new.
CREATE TABLE case_action (
    case_id         VARCHAR(64)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    action          VARCHAR(20)  NOT NULL
        CONSTRAINT case_action_action CHECK (action IN ('OPENED', 'REVIEW_STARTED', 'NOTE_ADDED', 'ESCALATED', 'CLOSED')),
    actor           VARCHAR(200) NOT NULL,
    -- when the regulator acted, and when the ledger recorded it
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    -- the opening or closing summary, the note, or the reason for escalating
    text            TEXT,
    finding         VARCHAR(40),
    event_id        VARCHAR(255) NOT NULL UNIQUE,
    PRIMARY KEY (case_id, sequence_number)
);
