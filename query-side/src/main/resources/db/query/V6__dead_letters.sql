-- The dead-letter queue of every read model's processor (Axon's JdbcSequencedDeadLetterQueue,
-- columns named by operations/DeadLetterQueues.SCHEMA). An event that a projection's handler
-- rejects is parked here with the rest of its sequence (its stream), in the same transaction as
-- the batch and its token, while the other streams go on; an operator lists and retries them
-- through /operations/dead-letters.
--
-- Axon writes its instants as ISO 8601 strings (setString), and compares processing_started with
-- them as strings when claiming a sequence, so those columns stay VARCHAR: a TIMESTAMPTZ column
-- would refuse the insert and with it the whole batch. Free text is TEXT: Axon's own table
-- factory gives cause_message 1023 characters while its default policy keeps 1024, so a long
-- message would fail the batch that tries to dead-letter it.
CREATE TABLE read_model.dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  TEXT         NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         TEXT         NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         TEXT         NOT NULL,
    payload_revision     TEXT,
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    aggregate_type       TEXT,
    aggregate_identifier TEXT,
    sequence_number      BIGINT,
    token_type           TEXT,
    token                BYTEA,
    enqueued_at          VARCHAR(255) NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           TEXT,
    cause_message        TEXT,
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);

-- Counting a processor's letters and sequences, and finding the claimable head of each sequence
-- (the unique constraint above serves the per-sequence lookups).
CREATE INDEX dead_letter_entry_group ON read_model.dead_letter_entry (processing_group, enqueued_at);
