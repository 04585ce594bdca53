package com.marketplaceledger.bench.jmh;

import com.marketplaceledger.shared.StorableText;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.sale.RecordSale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The NUL check every command passes before it is sent: a reflective walk over the command's
 * record components. A flat {@code RecordSale} and a nested {@code DeclareCompensationPlan}
 * (sixteen level rates); both are clean, so the whole command is walked. Scores are commands per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StorableTextBenchmark {

    private RecordSale recordSale;
    private DeclareCompensationPlan declarePlan;

    @Setup
    public void commands() {
        recordSale = Fixtures.recordSale();
        declarePlan = Fixtures.declarePlan();
        if (!StorableText.fieldsWithNul(recordSale).isEmpty() || !StorableText.fieldsWithNul(declarePlan).isEmpty()) {
            throw new IllegalStateException("the fixtures should be clean");
        }
    }

    @Benchmark
    public List<String> recordSale() {
        return StorableText.fieldsWithNul(recordSale);
    }

    @Benchmark
    public List<String> declareCompensationPlan() {
        return StorableText.fieldsWithNul(declarePlan);
    }
}
