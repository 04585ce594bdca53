-- Which listing each sale was of, for supervision's gates found from behaviour (a listing most
-- recruits buy on joining is an entry fee whatever its declared kind). The risk facts keep a sale's
-- declared kind, not its listing; the audit trail names both for every SaleRecorded, and only for
-- it (refunds and commissions name the sale, listing events the listing), so the pair of subjects
-- an event has at one position is the sale and its listing. Both sides are read by the subjects'
-- key (merchant, entity type).
CREATE OR REPLACE VIEW business_facts.sale_listing AS
    SELECT sale.merchant_id, sale.entity_id AS sale_id, listing.entity_id AS listing_id, sale.position
    FROM read_model.audit_subject sale
    JOIN read_model.audit_subject listing
      ON listing.merchant_id = sale.merchant_id AND listing.entity_type = 'listing' AND listing.position = sale.position
    WHERE sale.entity_type = 'sale';
