package com.marketplaceledger.command;

import com.marketplaceledger.command.support.EventTable;
import com.marketplaceledger.command.support.EventTable.StoredEvent;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store is append-only in the database itself: edits are refused whoever connects. */
class EventStoreIntegrationTest extends LedgerApiTestBase {

    /** PostgreSQL's insufficient_privilege, which the append-only trigger raises. */
    private static final String REFUSED = "42501";

    private String merchantId;
    private List<StoredEvent> recorded;

    @BeforeEach
    void someEventsAreStored() {
        merchantId = registeredMerchant("M-store");
        recorded = EventTable.ofMerchant(merchantId);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void anUpdateOfAStoredEventIsRefused() {
        assertRefused("UPDATE " + EventTable.TABLE + " SET payload = convert_to('{}', 'UTF8') WHERE aggregate_identifier = 'merchant/"
                + merchantId + "'", "UPDATE");
        assertRefused("UPDATE " + EventTable.TABLE + " SET time_stamp = time_stamp", "UPDATE");
        assertThat(EventTable.ofMerchant(merchantId)).isEqualTo(recorded);
    }

    @Test
    void aDeleteOfAStoredEventIsRefused() {
        long count = EventTable.count();
        assertRefused("DELETE FROM " + EventTable.TABLE + " WHERE aggregate_identifier = 'merchant/" + merchantId + "'", "DELETE");
        assertRefused("DELETE FROM " + EventTable.TABLE, "DELETE");
        assertThat(EventTable.ofMerchant(merchantId)).isEqualTo(recorded);
        assertThat(EventTable.count()).isEqualTo(count);
    }

    @Test
    void aTruncateOfTheEventTableIsRefused() {
        long count = EventTable.count();
        assertRefused("TRUNCATE " + EventTable.TABLE, "TRUNCATE");
        assertThat(EventTable.count()).isEqualTo(count);
    }

    @Test
    void appendingStillWorksAfterRefusedEdits() {
        assertRefused("DELETE FROM " + EventTable.TABLE + " WHERE aggregate_identifier = 'merchant/" + merchantId + "'", "DELETE");
        assertAccepted(post("/merchants/" + merchantId + "/listings", com.marketplaceledger.command.support.Requests.publishListing("L-1")));
        assertThat(EventTable.ofMerchant(merchantId)).hasSize(2);
    }

    private static void assertRefused(String sql, String operation) {
        assertThatThrownBy(() -> {
            try (Connection connection = TestDatabase.connect(); var statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
        }).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(REFUSED))
                .hasMessageContaining("append-only")
                .hasMessageContaining(operation);
    }
}
