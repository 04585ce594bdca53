package com.marketplaceledger.command;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.shared.MerchantCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers with the global position of the last event it appended, so that a
 * client can ask the query side to be at least that far before it reads.
 */
@Component
public class LedgerCommands {

    private final CommandGateway gateway;
    private final EventPositions positions;

    LedgerCommands(CommandGateway gateway, EventPositions positions) {
        this.gateway = gateway;
        this.positions = positions;
    }

    public Accepted send(MerchantCommand command) {
        gateway.sendAndWait(command);
        String streamId = command.streamId();
        return new Accepted(streamId, positions.lastPositionOf(streamId)
                .orElseThrow(() -> new IllegalStateException("command accepted but stream " + streamId + " is empty")));
    }

    /** What a merchant gets back for an accepted command. */
    public record Accepted(String stream, long position) {
    }
}
