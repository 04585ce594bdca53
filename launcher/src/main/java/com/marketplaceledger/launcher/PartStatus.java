package com.marketplaceledger.launcher;

import java.time.Instant;

/**
 * One part as the supervisor last saw it, for {@code ./ledger status} and {@code ./ledger up}.
 *
 * @param state       RUNNING (ready), STARTING (runs, not ready yet), WAITING (for the database),
 *                    PENDING (started at the next look), RESTARTING (stopped; started again at
 *                    {@code nextStartAt}) or STOPPED (the supervisor is stopping)
 * @param restarts    how often the supervisor started it again after it had stopped
 * @param lastExit    why it last stopped, with {@code lastExitAt}
 * @param progress    what it is doing while not ready (crash recovery's progress, say)
 */
record PartStatus(String name, String state, Long pid, Instant startedAt, Instant readySince, int restarts,
                  String lastExit, Instant lastExitAt, Instant nextStartAt, String progress) {

    boolean running() {
        return "RUNNING".equals(state);
    }
}
