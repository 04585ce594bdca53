package com.marketplaceledger.shared.sale;

import com.marketplaceledger.shared.referral.DistributorId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who bought. A participant is named by its distributor id; an end customer by the merchant's
 * own (pseudonymous) customer reference, so distinct retail customers can be counted.
 */
public record Buyer(
        @NotNull BuyerKind kind,
        DistributorId participantId,
        @Size(max = 100) String customerRef) {

    public static Buyer endCustomer(String customerRef) {
        return new Buyer(BuyerKind.END_CUSTOMER, null, customerRef);
    }

    public static Buyer participant(DistributorId participantId) {
        return new Buyer(BuyerKind.PARTICIPANT, participantId, null);
    }
}
