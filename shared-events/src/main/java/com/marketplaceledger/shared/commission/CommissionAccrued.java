package com.marketplaceledger.shared.commission;

import com.marketplaceledger.shared.LedgerEvent;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.SaleId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A commission the ledger computed from the merchant's declared plan. The source is either a sale
 * ({@code saleId}) or an enrolment ({@code recruitId}); {@code level} is the beneficiary's place
 * counted from the distributor whose sale, purchase or enrolment it is (that distributor is
 * level 1, its sponsor level 2). {@code basisPoints} is the rate applied to {@code baseAmount},
 * absent for fixed bonuses.
 */
@Revision("1")
public record CommissionAccrued(
        MerchantId merchantId,
        CommissionId commissionId,
        DistributorId beneficiaryId,
        int level,
        CommissionBasis basis,
        Money amount,
        Money baseAmount,
        Integer basisPoints,
        int planVersion,
        SaleId saleId,
        DistributorId recruitId,
        Instant occurredAt) implements LedgerEvent {
}
