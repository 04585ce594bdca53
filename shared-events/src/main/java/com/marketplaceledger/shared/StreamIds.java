package com.marketplaceledger.shared;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.SaleId;

/**
 * Event stream (aggregate) identifiers. Merchants choose their own ids, so two merchants may both
 * have a sale "S-1": every stream id is scoped by kind and merchant.
 */
public final class StreamIds {

    private StreamIds() {
    }

    public static String merchant(MerchantId merchant) {
        return "merchant/" + merchant.value();
    }

    public static String listing(MerchantId merchant, ListingId listing) {
        return "listing/" + merchant.value() + "/" + listing.value();
    }

    public static String distributor(MerchantId merchant, DistributorId distributor) {
        return "distributor/" + merchant.value() + "/" + distributor.value();
    }

    public static String sale(MerchantId merchant, SaleId sale) {
        return "sale/" + merchant.value() + "/" + sale.value();
    }

    /** An alert's stream: raised once, so a second raise of the same alert id is refused by the store. */
    public static String alert(MerchantId merchant, String alertId) {
        return "alert/" + merchant.value() + "/" + alertId;
    }

    /** A regulator's case file. */
    public static String caseFile(String caseId) {
        return "case/" + caseId;
    }

    /**
     * The one stream of rule sets: every rule set and rule version proposed, and every activation
     * (the RuleSetRegister aggregate's).
     */
    public static String detectionRuleSet() {
        return "detection-rule-set";
    }

    /** One recorded act of oversight (a rebuild, an export): a stream of one event. */
    public static String oversight(String id) {
        return "oversight/" + id;
    }
}
