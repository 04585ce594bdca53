package com.marketplaceledger.shared;

import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.listing.RepriceListing;
import com.marketplaceledger.shared.listing.WithdrawListing;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import com.marketplaceledger.shared.sale.SaleId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What identifies each command for a retry (docs/retries.md lists the same). */
class RetryKeyTest {

    private static final MerchantId M = MerchantId.of("M-1");
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final ListingId L = ListingId.of("L-1");
    private static final SaleId S = SaleId.of("S-1");
    private static final RefundId R = RefundId.of("R-1");
    private static final Money PRICE = Money.of(100, "CNY");

    @Test
    void aCreationIsIdentifiedByTheStreamItCreates() {
        assertThat(new RegisterMerchant(M, "n", "l", "CN", AT).retryKey()).contains("merchant/M-1");
        assertThat(new PublishListing(M, L, "sku", "t", PRICE, ListingKind.PRODUCT, AT).retryKey()).contains("listing/M-1/L-1");
        assertThat(new EnrolDistributor(M, DistributorId.of("D-1"), null, null, AT).retryKey()).contains("distributor/M-1/D-1");
        assertThat(new RecordSale(M, S, L, null, Buyer.endCustomer("C"), 1, AT).retryKey()).contains("sale/M-1/S-1");
    }

    @Test
    void aRefundRequestIsIdentifiedByItsSaleAndRefund() {
        assertThat(new RequestRefund(M, S, R, PRICE, null, AT).retryKey()).contains("sale/M-1/S-1/refund/R-1");
    }

    @Test
    void issuingAndRefusingARefundShareOneKeyForItsDecision() {
        assertThat(new IssueRefund(M, S, R, null, AT).retryKey()).contains("sale/M-1/S-1/refund/R-1/decision");
        assertThat(new RefuseRefund(M, S, R, "no", AT).retryKey()).contains("sale/M-1/S-1/refund/R-1/decision");
    }

    @Test
    void aWithdrawalIsIdentifiedByItsListing() {
        assertThat(new WithdrawListing(M, L, null, AT).retryKey()).contains("listing/M-1/L-1/withdrawal");
    }

    @Test
    void commandsWithoutAnIdOfTheirOwnHaveNoKey() {
        var plan = new CompensationPlan(List.of(new LevelRate(1, 1000)), null, null, List.of(), null, 30, 9000);
        assertThat(new DeclareCompensationPlan(M, plan, AT).retryKey()).isEmpty();
        assertThat(new RepriceListing(M, L, PRICE, AT).retryKey()).isEmpty();
    }

    @Test
    void aCommandMissingItsIdsHasNoKey() {
        assertThat(new RecordSale(M, null, L, null, Buyer.endCustomer("C"), 1, AT).retryKey()).isEmpty();
        assertThat(new IssueRefund(M, S, null, null, AT).retryKey()).isEmpty();
    }
}
