-- Who proposed and who activated each rule set (access control, issue 6): the regulator's token
-- subject, or 'configuration' for rule sets made from the application's properties at start-up.
-- Rule sets made before tokens existed have none.
ALTER TABLE detection_rule_set ADD COLUMN created_by VARCHAR(255);
ALTER TABLE detection_rule_set_activation ADD COLUMN activated_by VARCHAR(255);
