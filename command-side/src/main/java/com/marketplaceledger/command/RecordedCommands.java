package com.marketplaceledger.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.MerchantCommand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Every command recorded, under its merchant and retry key, with the stream and position it was
 * answered with (table {@code command_side.recorded_command}). A row is written in the transaction
 * of the command's events, so it exists exactly when they do.
 */
@Component
class RecordedCommands {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    /**
     * What a command is recorded under: its merchant, its retry key and its fingerprint (SHA-256 of
     * its type and its published-language JSON, so neither the spelling of a request nor the way it
     * came, REST or import, changes it). A command without an id of its own is keyed by its content.
     */
    record Identity(String merchant, String retryKey, String fingerprint) {

        static Identity of(MerchantCommand command) {
            String type = command.getClass().getSimpleName();
            String fingerprint = fingerprintOf(type, command);
            return new Identity(Objects.toString(command.merchantId(), null),
                    command.retryKey().orElseGet(() -> type + " " + command.streamId() + " " + fingerprint), fingerprint);
        }
    }

    /** What the first sending of a command was answered. */
    record Recorded(String fingerprint, String stream, long position) {
    }

    private final JdbcClient jdbc;

    RecordedCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails on a second row under the same key: its transaction, and the command's events, then roll back. */
    void insert(Identity identity, String stream, long position) {
        jdbc.sql("""
                        INSERT INTO command_side.recorded_command (merchant_id, retry_key, fingerprint, stream, position)
                        VALUES (:merchant, :retryKey, :fingerprint, :stream, :position)""")
                .param("merchant", identity.merchant())
                .param("retryKey", identity.retryKey())
                .param("fingerprint", identity.fingerprint())
                .param("stream", stream)
                .param("position", position)
                .update();
    }

    Optional<Recorded> find(Identity identity) {
        return jdbc.sql("""
                        SELECT fingerprint, stream, position
                        FROM command_side.recorded_command
                        WHERE merchant_id = :merchant AND retry_key = :retryKey""")
                .param("merchant", identity.merchant())
                .param("retryKey", identity.retryKey())
                .query(Recorded.class)
                .optional();
    }

    private static String fingerprintOf(String type, MerchantCommand command) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((type + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(JSON.writeValueAsBytes(command)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a published command is always writable as JSON", e);
        }
    }
}
