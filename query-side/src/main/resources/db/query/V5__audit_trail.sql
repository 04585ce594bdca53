-- The audit trail: every ledger event as recorded, by its global position, and an index of the
-- things each event concerns. Written by the "audit-trail" processor (AuditTrailProjection), one
-- bulk insert per batch in the batch's transaction; every value comes from the event message, so
-- a rebuild from event 0 reproduces exactly the same rows.

CREATE TABLE audit_event (
    position         BIGINT       PRIMARY KEY,   -- global index in the event store
    event_id         VARCHAR(255) NOT NULL,
    merchant_id      VARCHAR(64)  NOT NULL,
    stream_id        VARCHAR(255) NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    payload_type     VARCHAR(100) NOT NULL,      -- simple name, e.g. SaleRecorded
    payload_revision VARCHAR(20),                -- its @Revision, e.g. 1
    payload          JSONB        NOT NULL,      -- the event in its published JSON form
    occurred_at      TIMESTAMPTZ  NOT NULL,      -- business time
    recorded_at      TIMESTAMPTZ  NOT NULL       -- when the ledger appended it (message timestamp)
);

-- All merchants' events in a time range (GET /audit-trail?from&to&time=business|recorded).
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at, position);
CREATE INDEX audit_event_recorded_at ON audit_event (recorded_at, position);

-- What each event concerns: its merchant (every event), and the distributors, listings, sales and
-- refunds it names. One trail is one (merchant_id, entity_type, entity_id), ordered by position;
-- the key serves it, and carries both times so that a time range is filtered in the index before
-- any event row is read. Ids are unique per merchant only, hence the merchant in every key.
CREATE TABLE audit_subject (
    merchant_id VARCHAR(64) NOT NULL,
    entity_type VARCHAR(20) NOT NULL
        CONSTRAINT audit_subject_entity_type CHECK (entity_type IN ('merchant', 'distributor', 'listing', 'sale', 'refund')),
    entity_id   VARCHAR(64) NOT NULL,
    position    BIGINT      NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT audit_subject_pkey PRIMARY KEY (merchant_id, entity_type, entity_id, position)
        INCLUDE (occurred_at, recorded_at)
);
