package com.marketplaceledger.query.consistency;

import com.marketplaceledger.query.support.QueryApi;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-your-writes: a query with minPosition answers only once the read models hold that event. */
class MinPositionIntegrationTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2026-07-01T00:00:00Z");

    @Autowired
    Serializer serializer;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenSchema tokens;

    @Test
    void numbers_a_crash_left_unused_are_not_waited_for_once_the_sealer_sealed_them_absent() throws InterruptedException {
        var history = newHistory();
        // an import transaction rolled back by a crash: its numbers are taken and never come
        jdbc.queryForList("SELECT nextval('axon.domain_event_entry_global_index_seq') FROM generate_series(1, 50)");
        long last = history.appendAndAwait("merchant/M-unused-numbers",
                new MerchantRegistered(MerchantId.of("M-unused-numbers"), "Gap Co", "LIC-G", "CN", AT));

        Instant deadline = Instant.now().plusSeconds(40);
        long processed = 0;
        while (processed < last && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            processed = new QueryApi(port).get("/stream/position").body().get("processed").asLong();
        }

        assertThat(processed).as("the position every read model holds, with no newer event to come").isGreaterThanOrEqualTo(last);
    }

    @Test
    void a_query_right_after_a_write_sees_the_write() {
        var history = newHistory();
        var m = MerchantId.of("M-ryw");
        history.appendAndAwait("merchant/M-ryw", new MerchantRegistered(m, "RYW Co", "LIC-1", "CN", AT));

        long position = history.append("distributor/M-ryw/D-1",
                new DistributorEnrolled(m, DistributorId.of("D-1"), null, List.of(), null, null, AT));
        QueryApi.Answer answer = new QueryApi(port).get("/merchants/M-ryw/distributors/D-1?minPosition=" + position);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.body().get("level").asInt()).isEqualTo(1);
    }

    /**
     * An event whose transaction is still open has a position but is invisible to the processors;
     * one committed after it is visible. Asked for the open one, the query waits, then says that
     * the read models are behind; once it commits, the same query answers.
     */
    @Test
    void a_position_not_yet_processed_gets_503_with_retry_after_and_then_answers() throws Exception {
        var history = newHistory();
        var m = MerchantId.of("M-late");
        history.appendAndAwait("merchant/M-late", new MerchantRegistered(m, "Late Co", "LIC-2", "CN", AT));
        var api = new QueryApi(port);

        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            long latePosition = appendWithoutCommit(open, "distributor/M-late/D-1",
                    new DistributorEnrolled(m, DistributorId.of("D-1"), null, List.of(), null, null, AT));
            history.appendAndAwait("distributor/M-late/D-2",
                    new DistributorEnrolled(m, DistributorId.of("D-2"), null, List.of(), null, null, AT));

            QueryApi.Answer behind = api.get("/merchants/M-late/distributors/D-1?minPosition=" + latePosition);

            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.body().get("rule").asText()).isEqualTo("read-model-behind");
            assertThat(behind.raw().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(behind.body().get("processed").get("genealogy").asLong()).isLessThan(latePosition);

            open.commit();
            QueryApi.Answer caughtUp = api.get("/merchants/M-late/distributors/D-1?minPosition=" + latePosition);

            assertThat(caughtUp.status()).as(caughtUp.raw().body()).isEqualTo(200);
            assertThat(caughtUp.body().get("distributorId").asText()).isEqualTo("D-1");
        }
    }

    /** Position 0 is the head of a store with no events: nothing to wait for, though no read model has a token yet. */
    @Test
    void position_0_names_no_event_and_is_held_before_any_read_model_has_a_token() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS read_model.no_tokens_yet (LIKE axon.token_entry)");
        var noTokens = TokenSchema.builder().setTokenTable("read_model.no_tokens_yet")
                .setProcessorNameColumn(tokens.processorNameColumn()).setTokenColumn(tokens.tokenColumn())
                .setTokenTypeColumn(tokens.tokenTypeColumn()).build();
        var newStore = new ReadModelPositions(jdbc, noTokens, serializer, processing);

        assertThat(newStore.allHaveProcessed(0)).isTrue();
        assertThat(newStore.allHaveProcessed(1)).isFalse();
    }

    private long appendWithoutCommit(Connection connection, String stream, Object event) throws Exception {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO axon.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'distributor', ?, ?, ?, ?, ?, ?) RETURNING global_index""")) {
            insert.setString(1, stream);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, metaData.getData());
            insert.setBytes(4, payload.getData());
            insert.setString(5, payload.getType().getRevision());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, Instant.now().toString());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
