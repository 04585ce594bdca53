package com.marketplaceledger.command.directory;

import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.Requests;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the directory remembers and what it asks the database for every time. To tell the two
 * apart, some tests change a row behind the directory's back, which the ledger itself never does
 * to these rows.
 */
class DirectoryIntegrationTest extends LedgerApiTestBase {

    private static final Instant LATER = Instant.parse("2026-06-01T00:00:00Z");

    @Autowired
    private Directory directory;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aRegisteredMerchantIsNotLookedUpAgain() {
        var merchant = MerchantId.of(registeredMerchant("M-dir"));
        assertThat(directory.merchantExists(merchant)).isTrue();

        jdbc.update("DELETE FROM command_side.merchant WHERE merchant_id = ?", merchant.value());

        assertThat(directory.merchantExists(merchant)).isTrue();
    }

    @Test
    void aMerchantNotFoundIsLookedUpAgain() {
        String merchantId = newMerchantId("M-dir");
        assertThat(directory.merchantExists(MerchantId.of(merchantId))).isFalse();

        assertAccepted(post("/merchants", Requests.registerMerchant(merchantId)));

        assertThat(directory.merchantExists(MerchantId.of(merchantId))).isTrue();
    }

    @Test
    void aPlanVersionsTermsAreReadOnceButANewerVersionIsSeenAtOnce() {
        var merchant = MerchantId.of(networkWithSale("M-dir").merchantId());
        var first = directory.planInForce(merchant, LATER).orElseThrow();

        jdbc.update("UPDATE command_side.plan_version SET plan = '{}'::jsonb WHERE merchant_id = ?", merchant.value());

        assertThat(directory.planInForce(merchant, LATER)).contains(first);
        assertAccepted(post("/merchants/" + merchant.value() + "/plans",
                Requests.declarePlan(Requests.TWO_LEVEL_PLAN, "2026-05-01T00:00:00Z")));
        assertThat(directory.planInForce(merchant, LATER).orElseThrow().version()).isEqualTo(first.version() + 1);
        assertThat(directory.planInForce(merchant, Instant.parse("2026-04-01T00:00:00Z"))).contains(first);
    }

    @Test
    void anEnrolledDistributorsUplineIsNotLookedUpAgain() {
        var merchant = MerchantId.of(networkWithSale("M-dir").merchantId());
        var enrolled = directory.distributor(merchant, DistributorId.of("D-3")).orElseThrow();
        assertThat(enrolled.upline()).containsExactly(DistributorId.of("D-2"), DistributorId.of("D-1"));

        jdbc.update("DELETE FROM command_side.distributor WHERE merchant_id = ? AND distributor_id = 'D-3'",
                merchant.value());

        assertThat(directory.distributor(merchant, DistributorId.of("D-3"))).contains(enrolled);
    }

    @Test
    void aDistributorNotFoundIsLookedUpAgain() {
        var merchant = MerchantId.of(networkWithSale("M-dir").merchantId());
        assertThat(directory.distributor(merchant, DistributorId.of("D-9"))).isEmpty();

        assertAccepted(post("/merchants/" + merchant.value() + "/distributors", Requests.enrol("D-9", "D-3")));

        assertThat(directory.distributor(merchant, DistributorId.of("D-9")).orElseThrow().upline())
                .containsExactly(DistributorId.of("D-3"), DistributorId.of("D-2"), DistributorId.of("D-1"));
    }

    @Test
    void whatATransactionReadsIsForgottenWhenItRollsBack() {
        var merchant = MerchantId.of(newMerchantId("M-dir"));
        var transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO command_side.merchant (merchant_id) VALUES (?)", merchant.value());
            jdbc.update("INSERT INTO command_side.distributor (merchant_id, distributor_id, upline) VALUES (?, 'D-1', '{}')",
                    merchant.value());
            assertThat(directory.merchantExists(merchant)).isTrue();
            assertThat(directory.distributor(merchant, DistributorId.of("D-1"))).isPresent();
            status.setRollbackOnly();
        });

        assertThat(directory.merchantExists(merchant)).isFalse();
        assertThat(directory.distributor(merchant, DistributorId.of("D-1"))).isEmpty();
    }
}
