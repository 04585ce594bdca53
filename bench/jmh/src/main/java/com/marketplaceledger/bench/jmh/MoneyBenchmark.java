package com.marketplaceledger.bench.jmh;

import com.marketplaceledger.shared.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Money arithmetic as commissions and refunds use it. Every result is a new {@code Money}, and
 * its constructor checks the currency code against the JDK's currency list, which these scores
 * include. Scores are operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MoneyBenchmark {

    private Money amount;
    private Money other;
    private int basisPoints;
    private long refunded;

    @Setup
    public void amounts() {
        amount = Money.of(119_700, "CNY");
        other = Money.of(39_900, "CNY");
        basisPoints = 1_250;
        refunded = 1;
    }

    @Benchmark
    public Money of() {
        return Money.of(amount.minorUnits(), "CNY");
    }

    @Benchmark
    public Money plus() {
        return amount.plus(other);
    }

    /** A commission: the rate of a level, in basis points, rounded down. */
    @Benchmark
    public Money basisPoints() {
        return amount.basisPoints(basisPoints);
    }

    /** A commission's share of a partial refund (exact 128-bit product). */
    @Benchmark
    public Money scaled() {
        return amount.scaled(refunded, 3);
    }
}
