package com.marketplaceledger.bench.jmh;

import com.marketplaceledger.shared.integrity.SealedEvent;
import com.marketplaceledger.shared.integrity.Seals;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The integrity hash chain: sealing a run of stored event rows one after the other, as the sealer
 * and the chain verification do. One operation is one row sealed, so the score is events hashed
 * per second (SHA-256 over the previous seal and the row's canonical bytes, building those bytes included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SealsBenchmark {

    static final int ROWS = 1_000;

    private List<SealedEvent> rows;

    @Setup
    public void storedRows() {
        rows = Fixtures.storedRows(ROWS);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public byte[] sealChain() {
        byte[] previous = Seals.GENESIS;
        for (SealedEvent row : rows) {
            previous = Seals.seal(previous, row);
        }
        return previous;
    }

    /** A position the sequence skipped: only a tag and the index are hashed. */
    @Benchmark
    public byte[] sealAbsent() {
        return Seals.sealAbsent(Seals.GENESIS, 42);
    }
}
