package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.RegisterMerchant;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One reproducible marketplace: the same kind, seed, size and months always give the same
 * commands, byte for byte.
 *
 * @param size   participants (distributors) for the network kinds; retail sales for the honest retailer
 * @param months months of business, from a start month the seed picks between 2025-01 and 2026-06
 */
public record Scenario(ScenarioKind kind, long seed, int size, int months) {

    public static final int DEFAULT_MONTHS = 3;
    /** Below this a kind's expected rules cannot all be guaranteed (a city of ten shareholders needs recruits). */
    public static final int MIN_SIZE = 20;
    public static final int MAX_MONTHS = 24;
    private static final YearMonth FIRST_START = YearMonth.of(2025, 1);
    private static final int START_MONTHS = 18;

    public Scenario {
        if (kind == null) {
            throw new IllegalArgumentException("a scenario needs a kind");
        }
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("size must be at least " + MIN_SIZE + ", not " + size);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be 1 to " + MAX_MONTHS + ", not " + months);
        }
    }

    public static Scenario of(ScenarioKind kind, long seed, int size) {
        return new Scenario(kind, seed, size, DEFAULT_MONTHS);
    }

    /** SIM-KIND-seed-size, with -M and the months when they are not the default. */
    public MerchantId merchantId() {
        String id = "SIM-" + kind.name() + "-" + seed + "-" + size;
        return MerchantId.of(months == DEFAULT_MONTHS ? id : id + "-M" + months);
    }

    public YearMonth startMonth() {
        return FIRST_START.plusMonths(Math.floorMod(new SplittableRandom(seed).nextLong(), START_MONTHS));
    }

    public Instant start() {
        return startMonth().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Instant end() {
        return startMonth().plusMonths(months).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The command that registers the merchant, at the start; everything else is {@link #generate}d. */
    public RegisterMerchant registration() {
        String name = "Simulated " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " #" + seed;
        // a licence of its own: CN-REPEAT ties merchants with the same licence number together
        String licence = "SIM-LIC-" + merchantId().value().substring("SIM-".length());
        return new RegisterMerchant(merchantId(), name, licence, kind.jurisdiction(), start());
    }

    /**
     * Generates the merchant's commands after its registration, in business order (and in
     * order of business time), handing each to {@code commands} as it is made: nothing is kept
     * but the network's small per-member state, so any size streams.
     */
    public GroundTruth generate(Consumer<? super MerchantCommand> commands) {
        var market = new Market(this, random(), commands);
        Economy.of(kind).open(market);
        market.run();
        return market.truth();
    }

    /** The ground truth alone (generates the scenario and drops the commands). */
    public GroundTruth groundTruth() {
        return generate(command -> {
        });
    }

    private SplittableRandom random() {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind.ordinal() * 0xBF58476D1CE4E5B9L
                + size * 0x94D049BB133111EBL + months);
    }
}
