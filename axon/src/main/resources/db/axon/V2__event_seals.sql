-- The hash chain over the global event sequence (docs/integrity.md): one seal per global position,
-- in order and without gaps from position 1. A position the sequence skipped (a rolled-back
-- transaction) is sealed absent: event_identifier is null. Written by the query side's sealer;
-- read by verification, the export and the auditor CLI.
CREATE TABLE event_seal (
    global_index     BIGINT       PRIMARY KEY,
    event_identifier VARCHAR(255),
    seal             BYTEA        NOT NULL,
    sealed_at        TIMESTAMPTZ  NOT NULL
);

-- Absent positions are rare; counting them gives the number of events sealed without a scan.
CREATE INDEX event_seal_absent ON event_seal (global_index) WHERE event_identifier IS NULL;

-- Seals are never updated either: the same refusal as the event table's.
CREATE TRIGGER event_seal_append_only
    BEFORE UPDATE OR DELETE ON event_seal
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER event_seal_no_truncate
    BEFORE TRUNCATE ON event_seal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
