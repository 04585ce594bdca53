package com.marketplaceledger.shared.merchant;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/**
 * A merchant's declared compensation plan. It is evidence in itself: the ledger computes every
 * commission from the version in force when the sale or enrolment happened.
 *
 * @param salesRates         pay on sales to end customers (level 1 is the seller's own retail
 *                           commission) and on participants' purchases (paid from level 2 up)
 * @param referralBonus      fixed bonus to the sponsor for each recruit, if any
 * @param joiningFee         fee a new distributor must pay to join, if any
 * @param joiningFeeRates    shares of a recruit's joining fee paid up the line (from level 2)
 * @param starterPackage     listing a new distributor is required to buy, if any
 * @param refundWindowDays   days within which a buyer may return goods
 * @param buybackBasisPoints share of cost refunded when a leaving distributor returns stock
 */
public record CompensationPlan(
        @NotNull @Size(max = 100) List<@Valid @NotNull LevelRate> salesRates,
        @Valid Money referralBonus,
        @Valid Money joiningFee,
        @NotNull @Size(max = 100) List<@Valid @NotNull LevelRate> joiningFeeRates,
        ListingId starterPackage,
        @Min(0) @Max(3650) int refundWindowDays,
        @Min(0) @Max(10_000) int buybackBasisPoints) {

    public CompensationPlan {
        salesRates = salesRates == null ? null : List.copyOf(salesRates);
        joiningFeeRates = joiningFeeRates == null ? null : List.copyOf(joiningFeeRates);
    }

    public Optional<Integer> salesRateAt(int level) {
        return rateAt(salesRates, level);
    }

    public Optional<Integer> joiningFeeRateAt(int level) {
        return rateAt(joiningFeeRates, level);
    }

    private static Optional<Integer> rateAt(List<LevelRate> rates, int level) {
        return rates.stream().filter(r -> r.level() == level).map(LevelRate::basisPoints).findFirst();
    }
}
