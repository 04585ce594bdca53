package com.marketplaceledger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.integrity.ExportedEvent;
import com.marketplaceledger.shared.integrity.SealedEvent;
import com.marketplaceledger.shared.integrity.Seals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Valid export lines built with {@link Seals}, as the query side's export writes them, and ways to spoil them. */
final class Chains {

    static final ObjectMapper JSON = LedgerJson.objectMapper();

    private Chains() {
    }

    /** Export lines of positions 1 to {@code last}, the positions in {@code absent} sealed absent. */
    static List<String> chain(long last, Set<Long> absent) {
        var lines = new ArrayList<String>();
        chain(last, absent, lines::add);
        return lines;
    }

    /** The same lines one at a time, for files larger than the test's heap. */
    static void chain(long last, Set<Long> absent, Consumer<String> lines) {
        byte[] previous = Seals.GENESIS;
        for (long position = 1; position <= last; position++) {
            ExportedEvent line;
            if (absent.contains(position)) {
                byte[] seal = Seals.sealAbsent(previous, position);
                line = ExportedEvent.absent(position, seal, previous);
            } else {
                String payload = "{\"merchantId\":\"M-1\",\"saleId\":\"S-" + position + "\",\"quantity\":" + position + "}";
                var event = new SealedEvent(position, "event-" + position, "sale", "sale/M-1/S-" + position, 0,
                        "com.marketplaceledger.shared.sale.SaleRecorded", "1", payload.getBytes(StandardCharsets.UTF_8),
                        "{\"traceId\":\"t\"}".getBytes(StandardCharsets.UTF_8), "2026-01-10T00:00:0" + (position % 10) + "Z");
                byte[] seal = Seals.seal(previous, event);
                line = ExportedEvent.of(event, read(payload), seal, previous);
            }
            lines.accept(write(line));
            previous = Seals.fromHex(line.seal());
        }
    }

    static String sealOf(List<String> lines, long position) {
        return lines.stream().map(Chains::line).filter(line -> line.get("globalIndex").asLong() == position)
                .findFirst().orElseThrow().get("seal").asText();
    }

    static ObjectNode line(String text) {
        return (ObjectNode) read(text);
    }

    static String write(Object line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(Path directory, List<String> lines) {
        try {
            return Files.write(Files.createTempFile(directory, "export", ".ndjson"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
