-- Alerts and regulators' cases get audit trails of their own (entityType=alert, entityType=case);
-- a case's opening is also in the trail of each alert it takes up. Events recorded before this
-- migration are indexed once the audit-trail read model is rebuilt.
ALTER TABLE audit_subject DROP CONSTRAINT audit_subject_entity_type;
ALTER TABLE audit_subject ADD CONSTRAINT audit_subject_entity_type
    CHECK (entity_type IN ('merchant', 'distributor', 'listing', 'sale', 'refund', 'alert', 'case'));
