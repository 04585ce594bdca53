package com.marketplaceledger.bench.jmh;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of every benchmark inside {@code mvn verify}: in-process (no fork), one short warm-up
 * and one short measurement iteration each. It proves each benchmark runs and measures something;
 * it sets no speed threshold (figures from a CI machine are not worth comparing).
 */
class BenchmarksSmokeTest {

    private static final Class<?>[] BENCHMARKS = {
            SealsBenchmark.class, LedgerJsonBenchmark.class, StorableTextBenchmark.class, MoneyBenchmark.class};

    @Test
    void everyBenchmarkRunsAndMeasuresAPositiveScore() throws RunnerException {
        var options = new OptionsBuilder()
                .include(BenchmarksSmokeTest.class.getPackageName() + "\\..*Benchmark\\..*")
                .forks(0)
                .threads(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(150))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Map<String, Double> scores = new TreeMap<>();
        for (RunResult result : results) {
            scores.put(result.getParams().getBenchmark(), result.getPrimaryResult().getScore());
        }
        assertThat(scores.keySet())
                .as("every @Benchmark method was run, and nothing else")
                .containsExactlyInAnyOrderElementsOf(declaredBenchmarks());
        assertThat(scores).allSatisfy((benchmark, score) ->
                assertThat(score).as("score of %s", benchmark).isPositive().isFinite());
    }

    private static java.util.Set<String> declaredBenchmarks() {
        return Stream.of(BENCHMARKS)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .filter(method -> method.isAnnotationPresent(Benchmark.class))
                        .map((Method method) -> type.getName() + "." + method.getName()))
                .collect(Collectors.toSet());
    }
}
