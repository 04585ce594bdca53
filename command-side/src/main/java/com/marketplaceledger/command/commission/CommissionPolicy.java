package com.marketplaceledger.command.commission;

import com.marketplaceledger.command.directory.Directory.PlanInForce;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.BuyerKind;
import com.marketplaceledger.shared.sale.SaleRecorded;

import java.util.ArrayList;
import java.util.List;

/**
 * How the ledger computes commissions from a merchant's declared plan. Levels count from the
 * distributor whose sale, purchase or enrolment it is (level 1) up its recorded upline (level 2
 * is its sponsor). Amounts are rounded down to the minor unit: the ledger never pays more than
 * the declared rate, and a zero amount accrues nothing.
 */
public final class CommissionPolicy {

    private CommissionPolicy() {
    }

    /**
     * Commissions on a sale. A sale to an end customer pays the seller its own retail rate (level 1)
     * and the seller's upline team pay on it. A purchase by a participant pays the buyer's upline
     * (from level 2) on that purchase. The merchant selling directly to an end customer pays nobody.
     *
     * @param line the distributor whose volume it is followed by its upline, sponsor first
     */
    public static List<CommissionAccrued> onSale(SaleRecorded sale, PlanInForce plan, List<DistributorId> line) {
        boolean retail = sale.buyer().kind() == BuyerKind.END_CUSTOMER;
        var commissions = new ArrayList<CommissionAccrued>();
        for (LevelRate rate : plan.plan().salesRates()) {
            int level = rate.level();
            if (level > line.size() || (!retail && level == 1)) {
                continue;
            }
            CommissionBasis basis = !retail ? CommissionBasis.DOWNLINE_PURCHASE
                    : level == 1 ? CommissionBasis.OWN_RETAIL_SALE : CommissionBasis.DOWNLINE_SALE;
            Money amount = sale.amount().basisPoints(rate.basisPoints());
            if (amount.isPositive()) {
                commissions.add(new CommissionAccrued(sale.merchantId(), CommissionId.onSale(sale.saleId(), level),
                        line.get(level - 1), level, basis, amount, sale.amount(), rate.basisPoints(),
                        plan.version(), sale.saleId(), null, sale.occurredAt()));
            }
        }
        return commissions;
    }

    /**
     * Commissions on an enrolment: the plan's referral bonus to the sponsor (level 2), and the
     * declared shares of the joining fee the recruit paid, up its upline.
     */
    public static List<CommissionAccrued> onEnrolment(DistributorEnrolled enrolment, PlanInForce planInForce) {
        CompensationPlan plan = planInForce.plan();
        List<DistributorId> upline = enrolment.upline();
        var commissions = new ArrayList<CommissionAccrued>();
        if (!upline.isEmpty() && plan.referralBonus() != null) {
            commissions.add(new CommissionAccrued(enrolment.merchantId(),
                    CommissionId.onEnrolment(enrolment.distributorId(), CommissionBasis.RECRUITMENT, 2),
                    upline.get(0), 2, CommissionBasis.RECRUITMENT, plan.referralBonus(), null, null,
                    planInForce.version(), null, enrolment.distributorId(), enrolment.occurredAt()));
        }
        Money fee = enrolment.joiningFeePaid();
        if (fee != null) {
            for (LevelRate rate : plan.joiningFeeRates()) {
                Money amount = fee.basisPoints(rate.basisPoints());
                if (rate.level() - 2 < upline.size() && amount.isPositive()) {
                    commissions.add(new CommissionAccrued(enrolment.merchantId(),
                            CommissionId.onEnrolment(enrolment.distributorId(), CommissionBasis.JOINING_FEE, rate.level()),
                            upline.get(rate.level() - 2), rate.level(), CommissionBasis.JOINING_FEE, amount, fee,
                            rate.basisPoints(), planInForce.version(), null, enrolment.distributorId(),
                            enrolment.occurredAt()));
                }
            }
        }
        return commissions;
    }

    /**
     * What to take back from one commission when a sale's refunded total reaches
     * {@code refundedAfter}: the commission's share of the refunded part, less what was already
     * taken back. Computing it cumulatively keeps rounding from drifting, so a full refund
     * reverses exactly what was paid.
     */
    public static Money reversal(Money commission, Money alreadyReversed, Money saleAmount, Money refundedAfter) {
        Money due = commission.scaled(refundedAfter.minorUnits(), saleAmount.minorUnits());
        return due.minus(alreadyReversed);
    }
}
