package com.marketplaceledger.shared.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.SaleId;

/**
 * A commission's id, derived by the ledger from its source and level so that the same sale or
 * enrolment can never accrue the same commission twice.
 */
public record CommissionId(@JsonValue String value) {

    @JsonCreator
    public CommissionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("commission id must not be blank");
        }
    }

    public static CommissionId onSale(SaleId sale, int level) {
        return new CommissionId("sale." + sale.value() + ".L" + level);
    }

    public static CommissionId onEnrolment(DistributorId recruit, CommissionBasis basis, int level) {
        return new CommissionId("enrolment." + recruit.value() + "." + basis.name().toLowerCase() + ".L" + level);
    }

    @Override
    public String toString() {
        return value;
    }
}
