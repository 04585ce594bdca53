package com.marketplaceledger.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.MerchantCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The bulk-import form of commands: one per line, its published JSON form plus a {@code type}
 * naming the command (as the command side's import reads them).
 */
public final class Ndjson {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    private Ndjson() {
    }

    public static String line(MerchantCommand command) {
        ObjectNode line = JSON.createObjectNode().put("type", command.getClass().getSimpleName());
        line.setAll((ObjectNode) JSON.valueToTree(command));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + command, e);
        }
    }

    /** Writes a scenario: its registration first, then its commands in business order, each on its own line. */
    public static GroundTruth write(Scenario scenario, Writer out) {
        try {
            out.write(line(scenario.registration()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenario.generate(command -> {
            try {
                out.write(line(command));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
