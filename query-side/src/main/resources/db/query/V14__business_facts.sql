-- The business facts the supervision module judges, as views: its port onto the read side. A read
-- model may change its tables; its views keep these columns, and supervision reads nothing else of
-- the read side's (its own tables, risk facts, alerts, rule sets and cases, it reads directly).
CREATE SCHEMA business_facts;

CREATE VIEW business_facts.merchant AS
    SELECT merchant_id, name, licence_number, jurisdiction, registered_at, event_id
    FROM read_model.merchant;

CREATE VIEW business_facts.compensation_plan AS
    SELECT merchant_id, plan_version, plan, declared_at, event_id
    FROM read_model.compensation_plan;

CREATE VIEW business_facts.distributor AS
    SELECT merchant_id, distributor_id, sponsor_id, upline, level, joining_fee, joining_currency, plan_version,
           enrolled_at, enrolled_on, event_id
    FROM read_model.distributor;

-- every distributor below an ancestor, at its depth under it
CREATE VIEW business_facts.downline AS
    SELECT merchant_id, ancestor_id, depth, distributor_id, enrolled_on
    FROM read_model.downline;

CREATE VIEW business_facts.account_entry AS
    SELECT event_id, line, merchant_id, party_id, kind, currency, amount, occurred_at, day, counterparty, source_id,
           listing_kind
    FROM read_model.account_entry;

-- where an event is in the log: what evidence ids resolve to
CREATE VIEW business_facts.recorded_event AS
    SELECT position, event_id, merchant_id, stream_id, payload_type, occurred_at, recorded_at
    FROM read_model.audit_event;
