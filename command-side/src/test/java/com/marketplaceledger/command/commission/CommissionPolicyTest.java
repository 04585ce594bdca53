package com.marketplaceledger.command.commission;

import com.marketplaceledger.command.directory.Directory.PlanInForce;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionPolicyTest {

    private static final MerchantId M = MerchantId.of("M-1");
    private static final SaleId SALE = SaleId.of("S-1");
    private static final DistributorId D1 = DistributorId.of("D-1");
    private static final DistributorId D2 = DistributorId.of("D-2");
    private static final DistributorId D3 = DistributorId.of("D-3");
    private static final DistributorId D4 = DistributorId.of("D-4");
    private static final DistributorId RECRUIT = DistributorId.of("D-9");
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    /** Four levels of sales pay: the seller's own 10 %, then 5 %, 2.5 % and 1 % up the line. */
    private static final PlanInForce SALES_PLAN = new PlanInForce(3, new CompensationPlan(
            List.of(new LevelRate(1, 1_000), new LevelRate(2, 500), new LevelRate(3, 250), new LevelRate(4, 100)),
            null, null, List.of(), null, 30, 0));

    /** A seller (or buyer) with a sponsor and a root above it: three levels, so level 4 has nobody. */
    private static final List<DistributorId> LINE = List.of(D1, D2, D3);

    /** 199.99 CNY sold by D-1 to an end customer. */
    private static final SaleRecorded RETAIL_SALE = retailSale(19_999);

    /** 199.99 CNY bought by the participant D-1 for its own use. */
    private static final SaleRecorded PURCHASE = new SaleRecorded(M, SALE, ListingId.of("L-1"), ListingKind.PRODUCT,
            null, Buyer.participant(D1), 1, cny(19_999), cny(19_999), 3, AT);

    /** Version 2: a 500 CNY referral bonus and a 1,999 CNY joining fee shared 30/20/10/5 % from level 2. */
    private static final PlanInForce ENROLMENT_PLAN = new PlanInForce(2, new CompensationPlan(List.of(),
            cny(50_000), cny(199_900),
            List.of(new LevelRate(2, 3_000), new LevelRate(3, 2_000), new LevelRate(4, 1_000), new LevelRate(5, 500)),
            null, 0, 0));

    @Test
    void a_retail_sale_pays_the_seller_its_own_retail_rate_at_level_1_and_its_upline_team_pay_from_level_2() {
        assertThat(CommissionPolicy.onSale(RETAIL_SALE, SALES_PLAN, LINE)).containsExactly(
                saleCommission(D1, 1, CommissionBasis.OWN_RETAIL_SALE, 1_999, 19_999, 1_000),
                saleCommission(D2, 2, CommissionBasis.DOWNLINE_SALE, 999, 19_999, 500),
                saleCommission(D3, 3, CommissionBasis.DOWNLINE_SALE, 499, 19_999, 250));
    }

    @Test
    void a_retail_sale_skips_levels_beyond_the_recorded_upline() {
        assertThat(CommissionPolicy.onSale(RETAIL_SALE, SALES_PLAN, LINE))
                .extracting(CommissionAccrued::level).containsExactly(1, 2, 3);
        assertThat(CommissionPolicy.onSale(RETAIL_SALE, SALES_PLAN, List.of(D1)))
                .containsExactly(saleCommission(D1, 1, CommissionBasis.OWN_RETAIL_SALE, 1_999, 19_999, 1_000));
    }

    @Test
    void a_retail_sale_pays_only_the_levels_the_plan_declares() {
        var plan = new PlanInForce(3, new CompensationPlan(List.of(new LevelRate(3, 250)),
                null, null, List.of(), null, 30, 0));
        assertThat(CommissionPolicy.onSale(RETAIL_SALE, plan, LINE))
                .containsExactly(saleCommission(D3, 3, CommissionBasis.DOWNLINE_SALE, 499, 19_999, 250));
    }

    @Test
    void a_participant_purchase_pays_nothing_at_level_1_to_the_buyer_itself() {
        assertThat(CommissionPolicy.onSale(PURCHASE, SALES_PLAN, LINE))
                .extracting(CommissionAccrued::level).doesNotContain(1);
    }

    @Test
    void a_participant_purchase_pays_the_buyers_upline_from_level_2_as_downline_purchase() {
        assertThat(CommissionPolicy.onSale(PURCHASE, SALES_PLAN, LINE)).containsExactly(
                saleCommission(D2, 2, CommissionBasis.DOWNLINE_PURCHASE, 999, 19_999, 500),
                saleCommission(D3, 3, CommissionBasis.DOWNLINE_PURCHASE, 499, 19_999, 250));
    }

    @Test
    void a_participant_purchase_by_a_root_participant_pays_nobody() {
        assertThat(CommissionPolicy.onSale(PURCHASE, SALES_PLAN, List.of(D1))).isEmpty();
    }

    @Test
    void sale_commissions_are_rounded_down_to_the_fen() {
        // 10 % of 19 fen is 1.9 fen, 5 % is 0.95 fen
        assertThat(CommissionPolicy.onSale(retailSale(19), SALES_PLAN, LINE))
                .containsExactly(saleCommission(D1, 1, CommissionBasis.OWN_RETAIL_SALE, 1, 19, 1_000));
    }

    @Test
    void a_sale_commission_that_rounds_to_zero_accrues_nothing() {
        // 10 % of 9 fen is 0.9 fen
        assertThat(CommissionPolicy.onSale(retailSale(9), SALES_PLAN, LINE)).isEmpty();
    }

    @Test
    void a_zero_rate_accrues_nothing() {
        var plan = new PlanInForce(1, new CompensationPlan(List.of(new LevelRate(1, 0), new LevelRate(2, 500)),
                null, null, List.of(), null, 30, 0));
        assertThat(CommissionPolicy.onSale(retailSale(19_999), plan, LINE))
                .containsExactly(saleCommission(D2, 2, CommissionBasis.DOWNLINE_SALE, 999, 19_999, 500, 1));
    }

    @Test
    void sale_commission_ids_are_derived_from_the_sale_and_the_level_so_the_same_sale_gives_the_same_ids() {
        var first = CommissionPolicy.onSale(retailSale(19_999), SALES_PLAN, LINE);
        var again = CommissionPolicy.onSale(retailSale(19_999), SALES_PLAN, LINE);
        assertThat(first).isEqualTo(again);
        assertThat(first).extracting(c -> c.commissionId().value())
                .containsExactly("sale.S-1.L1", "sale.S-1.L2", "sale.S-1.L3");
    }

    @Test
    void a_sale_commission_records_the_rate_base_plan_version_and_sale_it_came_from() {
        var commission = CommissionPolicy.onSale(retailSale(19_999), SALES_PLAN, LINE).get(1);
        assertThat(commission.baseAmount()).isEqualTo(cny(19_999));
        assertThat(commission.basisPoints()).isEqualTo(500);
        assertThat(commission.planVersion()).isEqualTo(3);
        assertThat(commission.saleId()).isEqualTo(SALE);
        assertThat(commission.recruitId()).isNull();
        assertThat(commission.occurredAt()).isEqualTo(AT);
        assertThat(commission.merchantId()).isEqualTo(M);
    }

    @Test
    void an_enrolment_pays_the_referral_bonus_to_the_sponsor_at_level_2_as_recruitment() {
        var enrolled = enrolment(List.of(D2, D3, D4), null);
        assertThat(CommissionPolicy.onEnrolment(enrolled, ENROLMENT_PLAN)).containsExactly(
                new CommissionAccrued(M, new CommissionId("enrolment.D-9.recruitment.L2"), D2, 2,
                        CommissionBasis.RECRUITMENT, cny(50_000), null, null, 2, null, RECRUIT, AT));
    }

    @Test
    void an_enrolment_shares_the_joining_fee_up_the_line_from_the_sponsor_and_skips_levels_beyond_the_upline() {
        var enrolled = enrolment(List.of(D2, D3, D4), cny(199_900));
        assertThat(CommissionPolicy.onEnrolment(enrolled, ENROLMENT_PLAN)).containsExactly(
                new CommissionAccrued(M, new CommissionId("enrolment.D-9.recruitment.L2"), D2, 2,
                        CommissionBasis.RECRUITMENT, cny(50_000), null, null, 2, null, RECRUIT, AT),
                feeShare(D2, 2, 59_970, 199_900, 3_000),
                feeShare(D3, 3, 39_980, 199_900, 2_000),
                feeShare(D4, 4, 19_990, 199_900, 1_000));
    }

    @Test
    void an_enrolment_shares_what_the_recruit_actually_paid_rounded_down_and_skips_shares_that_round_to_zero() {
        var tiny = new PlanInForce(2, new CompensationPlan(List.of(), null, cny(999),
                List.of(new LevelRate(2, 3_333), new LevelRate(3, 1)), null, 0, 0));
        var enrolled = enrolment(List.of(D2, D3), cny(999));
        assertThat(CommissionPolicy.onEnrolment(enrolled, tiny))
                .containsExactly(feeShare(D2, 2, 332, 999, 3_333));
    }

    @Test
    void an_enrolment_of_a_root_pays_nobody() {
        var root = new DistributorEnrolled(M, RECRUIT, null, List.of(), cny(199_900), 2, AT);
        assertThat(CommissionPolicy.onEnrolment(root, ENROLMENT_PLAN)).isEmpty();
    }

    @Test
    void an_enrolment_without_a_declared_referral_bonus_pays_only_the_fee_shares() {
        var noBonus = new PlanInForce(2, new CompensationPlan(List.of(), null, cny(199_900),
                List.of(new LevelRate(2, 3_000)), null, 0, 0));
        assertThat(CommissionPolicy.onEnrolment(enrolment(List.of(D2), cny(199_900)), noBonus))
                .containsExactly(feeShare(D2, 2, 59_970, 199_900, 3_000));
    }

    @Test
    void an_enrolment_without_a_joining_fee_paid_shares_nothing() {
        assertThat(CommissionPolicy.onEnrolment(enrolment(List.of(D2, D3, D4), null), ENROLMENT_PLAN))
                .extracting(CommissionAccrued::basis).containsOnly(CommissionBasis.RECRUITMENT);
    }

    @Test
    void an_enrolment_commission_ids_are_derived_from_the_recruit_the_basis_and_the_level() {
        var enrolled = enrolment(List.of(D2, D3, D4), cny(199_900));
        assertThat(CommissionPolicy.onEnrolment(enrolled, ENROLMENT_PLAN))
                .isEqualTo(CommissionPolicy.onEnrolment(enrolled, ENROLMENT_PLAN))
                .extracting(c -> c.commissionId().value())
                .containsExactly("enrolment.D-9.recruitment.L2", "enrolment.D-9.joining_fee.L2",
                        "enrolment.D-9.joining_fee.L3", "enrolment.D-9.joining_fee.L4");
    }

    private static DistributorEnrolled enrolment(List<DistributorId> upline, Money feePaid) {
        return new DistributorEnrolled(M, RECRUIT, upline.get(0), upline, feePaid, 2, AT);
    }

    private static CommissionAccrued feeShare(DistributorId beneficiary, int level, long amount, long fee, int bp) {
        return new CommissionAccrued(M, CommissionId.onEnrolment(RECRUIT, CommissionBasis.JOINING_FEE, level),
                beneficiary, level, CommissionBasis.JOINING_FEE, cny(amount), cny(fee), bp, 2, null, RECRUIT, AT);
    }

    @Test
    void a_reversal_of_a_full_refund_takes_back_the_whole_commission() {
        assertThat(CommissionPolicy.reversal(cny(33), cny(0), cny(1001), cny(1001))).isEqualTo(cny(33));
    }

    @Test
    void a_reversal_of_a_partial_refund_takes_back_the_commissions_share_of_it_rounded_down() {
        // 33 * 500 / 1001 = 16.48
        assertThat(CommissionPolicy.reversal(cny(33), cny(0), cny(1001), cny(500))).isEqualTo(cny(16));
    }

    @Test
    void a_reversal_is_cumulative_so_what_earlier_refunds_took_back_is_not_taken_twice() {
        // 33 * 1001 / 1001 = 33, less the 16 taken back at 500
        assertThat(CommissionPolicy.reversal(cny(33), cny(16), cny(1001), cny(1001))).isEqualTo(cny(17));
        // 33 * 700 / 1001 = 23.07, less 16
        assertThat(CommissionPolicy.reversal(cny(33), cny(16), cny(1001), cny(700))).isEqualTo(cny(7));
    }

    @Test
    void a_reversal_of_nothing_refunded_takes_back_nothing() {
        assertThat(CommissionPolicy.reversal(cny(33), cny(0), cny(1001), cny(0))).isEqualTo(cny(0));
    }

    @Test
    void a_reversal_over_many_small_refunds_adds_up_exactly_to_the_commission() {
        Money commission = cny(33);
        Money sale = cny(1001);
        Money reversed = cny(0);
        Money refunded = cny(0);
        while (!refunded.equals(sale)) {
            Money step = cny(Math.min(7, sale.minorUnits() - refunded.minorUnits()));
            refunded = refunded.plus(step);
            Money reversal = CommissionPolicy.reversal(commission, reversed, sale, refunded);
            assertThat(reversal.minorUnits()).isNotNegative();
            // never ahead of the commission's exact share of what has been refunded
            assertThat(reversed.plus(reversal).minorUnits() * sale.minorUnits())
                    .isLessThanOrEqualTo(commission.minorUnits() * refunded.minorUnits());
            reversed = reversed.plus(reversal);
        }
        assertThat(reversed).isEqualTo(commission);
    }
    private static SaleRecorded retailSale(long amount) {
        return new SaleRecorded(M, SALE, ListingId.of("L-1"), ListingKind.PRODUCT, D1, Buyer.endCustomer("C-42"),
                1, cny(amount), cny(amount), 3, AT);
    }

    private static CommissionAccrued saleCommission(DistributorId beneficiary, int level, CommissionBasis basis,
                                                    long amount, long base, int bp) {
        return saleCommission(beneficiary, level, basis, amount, base, bp, 3);
    }

    private static CommissionAccrued saleCommission(DistributorId beneficiary, int level, CommissionBasis basis,
                                                    long amount, long base, int bp, int planVersion) {
        return new CommissionAccrued(M, CommissionId.onSale(SALE, level), beneficiary, level, basis, cny(amount),
                cny(base), bp, planVersion, SALE, null, AT);
    }

    private static Money cny(long minorUnits) {
        return Money.of(minorUnits, "CNY");
    }
}
