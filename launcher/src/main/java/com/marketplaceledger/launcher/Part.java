package com.marketplaceledger.launcher;

import java.io.IOException;
import java.util.OptionalLong;

/** One process of the ledger that the supervisor keeps running: the embedded database or a service. */
interface Part {

    String name();

    /** Takes over the part's process if one already runs (left by an earlier supervisor); true if it did. */
    boolean adopt();

    /** Starts the process; returns once it runs, not once it is ready. */
    void start() throws IOException;

    boolean alive();

    /** Whether it does its job: the database accepts connections, a service reports UP. */
    boolean ready();

    OptionalLong pid();

    /** Why the process last ended, as far as it is known. */
    String exitReason();

    /** What it is doing while not ready yet (the database's crash recovery, say), or an empty string. */
    String progress();

    /** Called once the part, started by the supervisor, is ready for the first time. */
    default void becameReady() {
    }

    /** Stops it in order and waits until it has stopped. */
    void stop();
}
