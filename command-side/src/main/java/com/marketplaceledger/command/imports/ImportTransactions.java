package com.marketplaceledger.command.imports;

import com.marketplaceledger.command.LedgerCommands;
import com.marketplaceledger.command.web.Problems;
import com.marketplaceledger.shared.MerchantCommand;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records import lines several to a database transaction, each line in a savepoint of its own
 * ({@link LedgerCommands#send} takes one): a refused line is rolled back alone, while the accepted
 * ones share one commit (one fsync) instead of paying one each, which is what limits a
 * line-per-transaction import.
 *
 * <p>A transaction stays short in lines, time and global positions: while it is open, the
 * positions it took are gaps to the processors reading the stream, and each of them gives up on a
 * gap after a while (the sealer after its gap timeout, Axon after 10,000 positions or 60 s).
 */
@Component
@EnableConfigurationProperties(ImportTransactions.Limits.class)
class ImportTransactions {

    /**
     * Bounds of one import transaction (prefix {@code ledger.import.transaction}).
     *
     * @param lines     most lines recorded in one transaction
     * @param positions most global positions one transaction may span, its own and other writers'
     * @param time      longest a transaction takes new lines
     */
    @ConfigurationProperties("ledger.import.transaction")
    record Limits(@DefaultValue("500") int lines, @DefaultValue("2000") long positions,
                  @DefaultValue("1s") Duration time) {
        Limits {
            if (lines < 1 || positions < 1 || time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("import transactions need at least one line, one position and some time");
            }
        }
    }

    /** One line of an import: its command, or the problem that kept it from being one. */
    record Line(int number, MerchantCommand command, Exception problem) {
    }

    private final LedgerCommands commands;
    private final Problems problems;
    private final Limits limits;
    private final TransactionTemplate transaction;

    ImportTransactions(LedgerCommands commands, Problems problems, Limits limits, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.problems = problems;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
    }

    int linesPerTransaction() {
        return limits.lines();
    }

    /**
     * What became of the lines given: each line's outcome, in order. {@code interrupted} when the
     * ledger could not record a line (the database went away, not a refusal of the line): its
     * outcome is the last, and the lines after it were not tried.
     */
    record Recorded(List<Map<String, Object>> outcomes, boolean interrupted) {
    }

    /**
     * Records the lines in order, up to the first the ledger could not record. It stops there
     * because lines depend on those before them (a plan's version on the one it follows, a sale on
     * its listing): going on would refuse for good lines that are fine once the import is sent again.
     */
    Recorded record(List<Line> lines) {
        var outcomes = new ArrayList<Map<String, Object>>(lines.size());
        while (outcomes.size() < lines.size()) {
            List<Line> rest = lines.subList(outcomes.size(), lines.size());
            var recorded = new ArrayList<Map<String, Object>>();
            try {
                transaction.executeWithoutResult(status -> recordWhileWithinLimits(rest, recorded));
                outcomes.addAll(recorded);
            } catch (RuntimeException notCommitted) {
                // Nothing of that transaction was stored: its lines are recorded again one
                // transaction each, so that a line that cannot be committed fails alone.
                for (Line line : rest.subList(0, Math.max(1, recorded.size()))) {
                    outcomes.add(recordAlone(line));
                    if (notRecorded(outcomes.get(outcomes.size() - 1))) {
                        break;
                    }
                }
            }
            if (notRecorded(outcomes.get(outcomes.size() - 1))) {
                return new Recorded(outcomes, true);
            }
        }
        return new Recorded(outcomes, false);
    }

    private void recordWhileWithinLimits(List<Line> lines, List<Map<String, Object>> outcomes) {
        long deadline = System.nanoTime() + limits.time().toNanos();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Line line : lines) {
            Map<String, Object> outcome = recordLine(line);
            outcomes.add(outcome);
            // a line recorded before holds no position of this transaction
            if (outcome.get("position") instanceof Long position && !outcome.containsKey("alreadyRecorded")) {
                first = Math.min(first, position);
                last = Math.max(last, position);
            }
            if (notRecorded(outcome) || outcomes.size() >= limits.lines() || System.nanoTime() >= deadline
                    || (last >= first && last - first >= limits.positions())) {
                break;
            }
        }
    }

    /** A line the ledger failed to record (a 5xx problem), as against one it refused. */
    private static boolean notRecorded(Map<String, Object> outcome) {
        return outcome.get("problem") instanceof Map<?, ?> problem
                && problem.get("status") instanceof Integer status && status >= 500;
    }

    private Map<String, Object> recordAlone(Line line) {
        try {
            return transaction.execute(status -> recordLine(line));
        } catch (RuntimeException notCommitted) {
            return rejected(line, notCommitted);
        }
    }

    private Map<String, Object> recordLine(Line line) {
        if (line.problem() != null) {
            return rejected(line, line.problem());
        }
        try {
            var accepted = commands.send(line.command());
            var outcome = new LinkedHashMap<String, Object>();
            outcome.put("line", line.number());
            outcome.put("status", "accepted");
            outcome.put("stream", accepted.stream());
            outcome.put("position", accepted.position());
            if (accepted.alreadyRecorded()) {
                outcome.put("alreadyRecorded", true);
            }
            return outcome;
        } catch (RuntimeException refused) {
            return rejected(line, refused);
        }
    }

    private Map<String, Object> rejected(Line line, Exception problem) {
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("line", line.number());
        outcome.put("status", "rejected");
        outcome.put("problem", Problems.asMap(problems.of(problem)));
        return outcome;
    }
}
