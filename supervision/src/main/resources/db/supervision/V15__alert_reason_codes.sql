-- Alerts and shadow findings keep their reason as a code and its figures (AlertRaised revision 2),
-- and are read in the regulator's language. Rows written before hold an English sentence: like
-- the upcaster of AlertRaised revision 1, they keep it word for word as the one argument of the
-- code reason.legacy, so a rebuild from the event store writes the same rows again.

ALTER TABLE alert ADD COLUMN reason_code TEXT;
ALTER TABLE alert ADD COLUMN reason_arguments JSONB;
UPDATE alert SET reason_code = 'reason.legacy', reason_arguments = jsonb_build_object('sentence', reason);
ALTER TABLE alert ALTER COLUMN reason_code SET NOT NULL;
ALTER TABLE alert ALTER COLUMN reason_arguments SET NOT NULL;
ALTER TABLE alert DROP COLUMN reason;

ALTER TABLE shadow_finding ADD COLUMN reason_code TEXT;
ALTER TABLE shadow_finding ADD COLUMN reason_arguments JSONB;
UPDATE shadow_finding SET reason_code = 'reason.legacy', reason_arguments = jsonb_build_object('sentence', reason);
ALTER TABLE shadow_finding ALTER COLUMN reason_code SET NOT NULL;
ALTER TABLE shadow_finding ALTER COLUMN reason_arguments SET NOT NULL;
ALTER TABLE shadow_finding DROP COLUMN reason;
