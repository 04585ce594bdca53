package com.marketplaceledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run, each beside the baseline measured in the same run and the target of
 * docs/benchmarks.md; printed as they come and written as a Markdown table and as JSON lines.
 */
public final class Results {

    /**
     * @param higherIsBetter whether the target is a floor (rates) or a ceiling (latencies, times, memory)
     * @param baseline       measured in the same run, or null where the target names none
     */
    public record Figure(String name, double value, String unit, Double baseline, String baselineName,
                         Double target, boolean higherIsBetter, String note) {

        Double ratio() {
            return baseline == null || baseline == 0 ? null : value / baseline;
        }

        Boolean met() {
            return target == null ? null : higherIsBetter ? value >= target : value <= target;
        }
    }

    private final List<Figure> figures = new ArrayList<>();

    public synchronized void add(Figure figure) {
        figures.add(figure);
        System.out.println(line(figure));
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized Figure figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + name));
    }

    /** Writes {@code <stem>.md} and {@code <stem>.jsonl} under {@code dir}; returns the Markdown file. */
    public synchronized Path write(Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        var markdown = new StringBuilder("| figure | ours | baseline (same run) | ratio | target | met |\n|---|---|---|---|---|---|\n");
        var json = new StringBuilder();
        for (Figure f : figures) {
            markdown.append("| ").append(f.name()).append(" | ").append(number(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(f.baseline() == null ? "" : number(f.baseline()) + " (" + f.baselineName() + ")")
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.target() == null ? "" : (f.higherIsBetter() ? ">= " : "<= ") + number(f.target()))
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "no")
                    .append(f.note() == null ? "" : " (" + f.note() + ")").append(" |\n");
            json.append(String.format(Locale.ROOT,
                    "{\"figure\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"baseline\":%s,\"target\":%s,\"met\":%s,\"at\":\"%s\"}%n",
                    f.name(), f.value(), f.unit(), f.baseline(), f.target(), f.met(), Instant.now()));
        }
        Path md = dir.resolve(stem + ".md");
        Files.writeString(md, markdown);
        Files.writeString(dir.resolve(stem + ".jsonl"), json);
        return md;
    }

    private static String line(Figure f) {
        return String.format(Locale.ROOT, "%-54s %14s %-10s%s%s", f.name(), number(f.value()), f.unit(),
                f.baseline() == null ? "" : String.format(Locale.ROOT, "  baseline %s (%s), ratio %.2f",
                        number(f.baseline()), f.baselineName(), f.ratio() == null ? 0 : f.ratio()),
                f.met() == null ? "" : f.met() ? "  target met" : "  target NOT met");
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
