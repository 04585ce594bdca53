package com.marketplaceledger.query.accounts;

import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.LedgerHistory;
import com.marketplaceledger.query.support.Redelivery;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.commission.CommissionReversed;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefundIssued;
import com.marketplaceledger.shared.sale.SaleId;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each money event the accounts follow, through the real processor and PostgreSQL. */
class AccountsProjectionIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2026-05-10T09:00:00Z");
    /** 2026-04-01 01:30 in Shanghai; 2026-03-31 17:30 in UTC and 13:30 in New York. */
    private static final Instant HALF_PAST_ONE_ON_APRIL_1_IN_SHANGHAI = Instant.parse("2026-03-31T17:30:00Z");
    /** 2026-03-31 22:00 in New York, 2026-04-01 in UTC and in Shanghai. */
    private static final Instant EVENING_IN_NEW_YORK = Instant.parse("2026-04-01T02:00:00Z");

    @Autowired
    Accounts accounts;
    @Autowired
    AccountsProjection projection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventProcessingConfiguration processing;

    private LedgerHistory history;

    @BeforeEach
    void history() {
        history = newHistory();
    }

    @Test
    void a_sale_to_an_end_customer_is_the_sellers_retail_sale() {
        String merchant = "M-acc-retail";
        history.appendAndAwait("sale/" + merchant + "/S-1", sale(merchant, "S-1", "D-1", Buyer.endCustomer("C-1"), 5_000));

        AccountFigures seller = only(accounts.ofDistributor(merchant, "D-1", null));
        assertThat(seller.retailSales()).isEqualTo(5_000);
        assertThat(seller.internalConsumption()).isZero();
        assertThat(seller.net()).isEqualTo(5_000);
        assertThat(only(accounts.ofNetwork(merchant, null)).retailSales()).isEqualTo(5_000);
    }

    @Test
    void a_sale_to_a_participant_is_internal_consumption_for_the_seller_and_a_purchase_for_the_buyer() {
        String merchant = "M-acc-internal";
        history.appendAndAwait("sale/" + merchant + "/S-1",
                sale(merchant, "S-1", "D-1", Buyer.participant(DistributorId.of("D-2")), 7_000));

        assertThat(only(accounts.ofDistributor(merchant, "D-1", null)).internalConsumption()).isEqualTo(7_000);
        AccountFigures buyer = only(accounts.ofDistributor(merchant, "D-2", null));
        assertThat(buyer.purchases()).isEqualTo(7_000);
        assertThat(buyer.net()).isEqualTo(-7_000);
        AccountFigures network = only(accounts.ofNetwork(merchant, null));
        assertThat(network.internalConsumption()).isEqualTo(7_000);
        assertThat(network.retailSales()).isZero();
    }

    @Test
    void a_sale_by_the_merchant_itself_is_the_merchants_revenue() {
        String merchant = "M-acc-direct";
        history.appendAndAwait("sale/" + merchant + "/S-1",
                sale(merchant, "S-1", null, Buyer.participant(DistributorId.of("D-9")), 99_900));

        assertThat(only(accounts.ofMerchant(merchant, null)).internalConsumption()).isEqualTo(99_900);
        assertThat(only(accounts.ofDistributor(merchant, "D-9", null)).purchases()).isEqualTo(99_900);
    }

    @Test
    void a_joining_fee_is_paid_by_the_recruit_to_the_merchant() {
        String merchant = "M-acc-fee";
        var m = MerchantId.of(merchant);
        history.appendAndAwait("distributor/" + merchant + "/D-5", new DistributorEnrolled(m, DistributorId.of("D-5"),
                null, List.of(), Money.of(36_500, "CNY"), 1, AT));

        assertThat(only(accounts.ofDistributor(merchant, "D-5", null)).joiningFeesPaid()).isEqualTo(36_500);
        assertThat(only(accounts.ofMerchant(merchant, null)).joiningFeesReceived()).isEqualTo(36_500);
    }

    @Test
    void commissions_are_booked_by_basis_and_reversals_taken_back() {
        String merchant = "M-acc-commission";
        var m = MerchantId.of(merchant);
        var sale = SaleId.of("S-1");
        var d1 = DistributorId.of("D-1");
        String stream = "sale/" + merchant + "/S-1";
        history.append(stream, sale(merchant, "S-1", "D-2", Buyer.participant(DistributorId.of("D-3")), 10_000));
        history.append(stream, new CommissionAccrued(m, CommissionId.onSale(sale, 2), d1, 2,
                CommissionBasis.DOWNLINE_PURCHASE, Money.of(500, "CNY"), Money.of(10_000, "CNY"), 500, 1, sale, null, AT));
        history.append("distributor/" + merchant + "/D-4", new DistributorEnrolled(m, DistributorId.of("D-4"), d1,
                List.of(d1), null, 1, AT));
        history.append("distributor/" + merchant + "/D-4", new CommissionAccrued(m,
                CommissionId.onEnrolment(DistributorId.of("D-4"), CommissionBasis.RECRUITMENT, 2), d1, 2,
                CommissionBasis.RECRUITMENT, Money.of(2_000, "CNY"), null, null, 1, null, DistributorId.of("D-4"), AT));
        history.appendAndAwait(stream, new CommissionReversed(m, CommissionId.onSale(sale, 2), d1, Money.of(200, "CNY"),
                sale, RefundId.of("R-1"), AT.plusSeconds(3_600)));

        AccountFigures beneficiary = only(accounts.ofDistributor(merchant, "D-1", null));
        assertThat(beneficiary.commissions().get(CommissionBasis.DOWNLINE_PURCHASE)).isEqualTo(500);
        assertThat(beneficiary.commissions().get(CommissionBasis.RECRUITMENT)).isEqualTo(2_000);
        assertThat(beneficiary.commissions().get(CommissionBasis.OWN_RETAIL_SALE)).isZero();
        assertThat(beneficiary.reversals()).isEqualTo(200);
        assertThat(beneficiary.net()).isEqualTo(500 + 2_000 - 200);
        AccountFigures merchantAccount = only(accounts.ofMerchant(merchant, null));
        assertThat(merchantAccount.commissionsPaid()).isEqualTo(2_500);
        assertThat(merchantAccount.reversalsRecovered()).isEqualTo(200);
    }

    @Test
    void a_refund_is_paid_back_by_the_seller_to_a_participant_buyer() {
        String merchant = "M-acc-refund";
        var m = MerchantId.of(merchant);
        String stream = "sale/" + merchant + "/S-1";
        history.append(stream, sale(merchant, "S-1", "D-1", Buyer.participant(DistributorId.of("D-2")), 8_000));
        history.appendAndAwait(stream, new RefundIssued(m, SaleId.of("S-1"), RefundId.of("R-1"), Money.of(3_000, "CNY"),
                Money.of(5_000, "CNY"), Instant.parse("2026-06-02T09:00:00Z")));

        AccountFigures seller = only(accounts.ofDistributor(merchant, "D-1", null));
        assertThat(seller.refundsPaid()).isEqualTo(3_000);
        assertThat(seller.net()).isEqualTo(5_000);
        AccountFigures buyer = only(accounts.ofDistributor(merchant, "D-2", null));
        assertThat(buyer.refundsReceived()).isEqualTo(3_000);
        assertThat(buyer.net()).isEqualTo(-5_000);
        List<Accounts.Month> months = accounts.monthlyOfDistributor(merchant, "D-1", null);
        assertThat(months).extracting(Accounts.Month::month).containsExactly("2026-05", "2026-06");
        assertThat(months.get(1).figures().get(0).refundsPaid()).isEqualTo(3_000);
        assertThat(only(accounts.ofDistributor(merchant, "D-1", LocalDate.parse("2026-06-01"))).refundsPaid()).isZero();
    }

    @Test
    void a_chinese_merchants_sale_at_half_past_one_on_april_1_in_shanghai_is_an_april_sale() {
        String merchant = "M-acc-zone-cn";
        register(merchant, "CN");
        history.appendAndAwait("sale/" + merchant + "/S-1", sale(merchant, "S-1", "D-1", Buyer.endCustomer("C-1"), 5_000,
                HALF_PAST_ONE_ON_APRIL_1_IN_SHANGHAI));

        assertThat(accounts.monthlyOfNetwork(merchant, null)).extracting(Accounts.Month::month).containsExactly("2026-04");
        assertThat(accounts.ofNetwork(merchant, LocalDate.parse("2026-03-31"))).isEmpty();
        assertThat(only(accounts.ofNetwork(merchant, LocalDate.parse("2026-04-01"))).retailSales()).isEqualTo(5_000);
    }

    @Test
    void a_us_merchants_sale_at_the_same_instant_is_a_march_sale() {
        String merchant = "M-acc-zone-us";
        register(merchant, "US");
        history.appendAndAwait("sale/" + merchant + "/S-1", sale(merchant, "S-1", "D-1", Buyer.endCustomer("C-1"), 5_000,
                HALF_PAST_ONE_ON_APRIL_1_IN_SHANGHAI));

        assertThat(accounts.monthlyOfNetwork(merchant, null)).extracting(Accounts.Month::month).containsExactly("2026-03");
        assertThat(only(accounts.ofNetwork(merchant, LocalDate.parse("2026-03-31"))).retailSales()).isEqualTo(5_000);
    }

    @Test
    void a_sale_is_booked_on_its_merchants_day_while_the_genealogy_has_not_yet_stored_the_registration() {
        String merchant = "M-acc-zone-lagging";
        StreamingEventProcessor genealogy = processing.eventProcessor("genealogy", StreamingEventProcessor.class)
                .orElseThrow();
        genealogy.shutDown();
        try {
            register(merchant, "US");
            long sold = history.append("sale/" + merchant + "/S-1", sale(merchant, "S-1", "D-1", Buyer.endCustomer("C-1"),
                    5_000, EVENING_IN_NEW_YORK));
            await(() -> readModels.processedPositions().getOrDefault(AccountsProjection.NAME, 0L) >= sold,
                    "the accounts to hold the sale");

            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.merchant WHERE merchant_id = ?", Long.class,
                    merchant)).as("the genealogy stopped").isZero();
            assertThat(accounts.monthlyOfNetwork(merchant, null)).extracting(Accounts.Month::month).containsExactly("2026-03");
        } finally {
            genealogy.start();
        }
        history.awaitHead();
    }

    @Test
    void a_refund_of_a_sale_the_accounts_do_not_hold_is_refused_not_booked_to_nobody() {
        var refund = new RefundIssued(MerchantId.of("M-acc-orphan"), SaleId.of("S-missing"), RefundId.of("R-1"),
                Money.of(100, "CNY"), Money.of(0, "CNY"), AT);

        assertThatThrownBy(() -> new Redelivery(transactions).deliver(refund, "orphan-refund", projection::on))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("S-missing");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.account_entry WHERE merchant_id = 'M-acc-orphan'",
                Long.class)).isZero();
    }

    @Test
    void a_redelivered_event_adds_nothing() {
        String merchant = "M-acc-redelivered";
        var sale = sale(merchant, "S-1", "D-1", Buyer.endCustomer("C-1"), 4_000);
        var redelivery = new Redelivery(transactions);
        try {
            redelivery.deliver(sale, "redelivered-sale", projection::on);
            redelivery.deliver(sale, "redelivered-sale", projection::on);

            assertThat(only(accounts.ofDistributor(merchant, "D-1", null)).retailSales()).isEqualTo(4_000);
            assertThat(only(accounts.ofNetwork(merchant, null)).retailSales()).isEqualTo(4_000);
        } finally {
            // These rows stand for no stored event: a rebuild would rightly not reproduce them.
            for (String table : List.of("account_sale", "account_entry", "account_day", "network_account_day")) {
                jdbc.update("DELETE FROM read_model." + table + " WHERE merchant_id = ?", merchant);
            }
        }
    }

    private void register(String merchant, String jurisdiction) {
        history.append("merchant/" + merchant, new MerchantRegistered(MerchantId.of(merchant), merchant + " Co",
                "LIC-" + merchant, jurisdiction, AT.minusSeconds(86_400 * 60)));
    }

    private static SaleRecorded sale(String merchant, String saleId, String seller, Buyer buyer, long amount) {
        return sale(merchant, saleId, seller, buyer, amount, AT);
    }

    private static SaleRecorded sale(String merchant, String saleId, String seller, Buyer buyer, long amount, Instant at) {
        return new SaleRecorded(MerchantId.of(merchant), SaleId.of(saleId), ListingId.of("L-1"), ListingKind.PRODUCT,
                seller == null ? null : DistributorId.of(seller), buyer, 1, Money.of(amount, "CNY"), Money.of(amount, "CNY"),
                1, at);
    }

    private static AccountFigures only(List<AccountFigures> figures) {
        assertThat(figures).hasSize(1);
        return figures.get(0);
    }
}
