-- How far each read model has come is now read from its processor's committed tracking tokens,
-- which cover every read model; the stand-alone progress table is no longer written.
DROP TABLE stream_progress;
