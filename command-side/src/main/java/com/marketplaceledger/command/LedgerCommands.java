package com.marketplaceledger.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.shared.MerchantCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Sends a command and answers with the global position of the last event it appended, so that a
 * client can ask the query side to be at least that far before it reads. Each command is recorded
 * exactly once: a retry of one already recorded, after a lost answer or a crash, is answered with
 * its first stream and position instead of the conflict that sending it again causes.
 */
@Component
public class LedgerCommands {

    private final CommandGateway gateway;
    private final EventPositions positions;
    private final RecordedCommands recorded;
    private final TransactionTemplate transaction;

    LedgerCommands(CommandGateway gateway, EventPositions positions, RecordedCommands recorded,
                   PlatformTransactionManager transactions) {
        this.gateway = gateway;
        this.positions = positions;
        this.recorded = recorded;
        this.transaction = new TransactionTemplate(transactions);
        // A savepoint inside a bulk import's transaction, a transaction of its own otherwise; Axon's
        // unit of work joins it. Rolling back to the savepoint also clears the rollback-only mark a
        // failed unit of work leaves, so a refused line does not doom the import's other lines.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public Accepted send(MerchantCommand command) {
        var identity = RecordedCommands.Identity.of(command);
        try {
            return transaction.execute(status -> record(command, identity));
        } catch (RuntimeException refused) {
            return alreadyRecorded(identity, refused).orElseThrow(() -> refused);
        }
    }

    private Accepted record(MerchantCommand command, RecordedCommands.Identity identity) {
        gateway.sendAndWait(command);
        String streamId = command.streamId();
        long position = positions.lastPositionOf(streamId)
                .orElseThrow(() -> new IllegalStateException("command accepted but stream " + streamId + " is empty"));
        recorded.insert(identity, streamId, position);
        return new Accepted(streamId, position, false);
    }

    /**
     * Whatever refused the command (its aggregate, the event table's unique key, the recorded row's
     * own key against a concurrent twin), the same command recorded before is the answer. Except
     * when the sender may not send it: answering that from the record would show another merchant
     * what was recorded.
     */
    private Optional<Accepted> alreadyRecorded(RecordedCommands.Identity identity, RuntimeException refused) {
        if (forbidden(refused)) {
            return Optional.empty();
        }
        return recorded.find(identity)
                .filter(first -> first.fingerprint().equals(identity.fingerprint()))
                .map(first -> new Accepted(first.stream(), first.position(), true));
    }

    private static boolean forbidden(Throwable refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation && violation.kind() == RuleViolation.Kind.FORBIDDEN) {
                return true;
            }
        }
        return false;
    }

    /** What a merchant gets back for an accepted command. */
    @Schema(description = "The command's stream and the global position of its last event")
    public record Accepted(
            String stream,
            long position,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT)
            @Schema(description = "Present, and true, only when this request repeated a command recorded before: "
                    + "nothing was recorded now, and stream and position are those of its first answer")
            boolean alreadyRecorded) {
    }
}
