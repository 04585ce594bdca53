-- Who recorded each event (access control, issue 6): the token subject and roles that Axon copied
-- from the command's metadata onto its events. Events recorded before tokens existed have none.
-- Oversight events (a read model rebuilt, an export) concern no merchant, hence the nullable merchant.
ALTER TABLE audit_event
    ALTER COLUMN merchant_id DROP NOT NULL,
    ADD COLUMN actor       VARCHAR(255),
    ADD COLUMN actor_roles VARCHAR(100);
