package com.marketplaceledger.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static Money cny(long fen) {
        return Money.of(fen, "CNY");
    }

    @ParameterizedTest(name = "{1} bp of {0} fen = {2} fen")
    @CsvSource({
            "33600, 500, 1680",    // 5% of CNY 336.00, exact
            "19900, 2000, 3980",   // 20% of CNY 199.00, exact
            "19999, 333, 665",     // 665.9667 rounds down, never up
            "199, 50, 0",          // 0.995 fen rounds down to nothing
            "1, 9999, 0",
            "12345, 10000, 12345"  // 100% is the whole amount
    })
    void basisPointsRoundDownToTheFen(long fen, int basisPoints, long expected) {
        assertThat(cny(fen).basisPoints(basisPoints)).isEqualTo(cny(expected));
    }

    @ParameterizedTest(name = "{0} x {1}/{2} = {3}")
    @CsvSource({
            "1680, 16800, 33600, 840",  // half the sale refunded: half the commission reversed
            "1681, 1, 2, 840",          // 840.5 rounds down
            "100, 2, 3, 66",            // 66.67 rounds down
            "99900, 1, 1, 99900"
    })
    void scaledRoundsDownToTheFen(long fen, long numerator, long denominator, long expected) {
        assertThat(cny(fen).scaled(numerator, denominator)).isEqualTo(cny(expected));
    }

    @Test
    void scaledKeepsPrecisionWhereAPercentageWouldLoseIt() {
        // 1/3 of a refund of CNY 100.00 on a CNY 300.00 sale, applied to a commission of 1 fen short of 3 yuan
        assertThat(cny(299).scaled(10000, 30000)).isEqualTo(cny(99));
        assertThat(cny(299).basisPoints(3333)).isEqualTo(cny(99));
    }

    @Test
    void acceptsRealIsoCurrencies() {
        assertThat(Money.requireSupported("CNY")).isEqualTo("CNY");
        assertThat(cny(19900).currency()).isEqualTo("CNY");
        assertThat(Money.of(500, "JPY").minorUnits()).isEqualTo(500);
        assertThat(Money.of(1999, "USD").toString()).isEqualTo("1999 USD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "cny", "XXX", "XTS", "CN", "CNYY", "", "RMB"})
    void refusesAnythingButARealIsoCurrencyAndNamesIt(String currency) {
        assertThatThrownBy(() -> Money.of(100, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + currency + "'");
        assertThatThrownBy(() -> Money.requireSupported(currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + currency + "'");
    }

    @Test
    void addsAndSubtractsInOneCurrency() {
        assertThat(cny(16800).plus(cny(16800))).isEqualTo(cny(33600));
        assertThat(cny(33600).minus(cny(16800))).isEqualTo(cny(16800));
        assertThat(cny(16800).minus(cny(16800))).isEqualTo(Money.zero("CNY"));
        assertThat(cny(19900).times(3)).isEqualTo(cny(59700));
    }

    @Test
    void refusesToMixCurrencies() {
        Money yuan = cny(10000);
        Money dollars = Money.of(1400, "USD");

        assertThatThrownBy(() -> yuan.plus(dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mix")
                .hasMessageContaining("CNY")
                .hasMessageContaining("USD");
        assertThatThrownBy(() -> yuan.minus(dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mix");
        assertThatThrownBy(() -> yuan.isGreaterThan(dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mix");
    }

    @Test
    void refusesToOverflowInsteadOfWrappingAround() {
        Money huge = cny(Long.MAX_VALUE);

        assertThatThrownBy(() -> huge.plus(cny(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> cny(Long.MIN_VALUE + 1).minus(cny(2))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> huge.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> huge.scaled(5, 4)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void scalesExactlyWhereTheIntermediateProductExceedsALong() {
        // A 10% commission on a CNY 100,000,000 sale, reversed on a full refund: 1e9 x 1e10 > Long.MAX_VALUE.
        Money commission = cny(1_000_000_000L);

        assertThat(commission.scaled(10_000_000_000L, 10_000_000_000L)).isEqualTo(commission);
        assertThat(cny(Long.MAX_VALUE).scaled(3, 4)).isEqualTo(cny(Long.MAX_VALUE / 4 * 3 + 2));
        assertThat(cny(Long.MAX_VALUE).basisPoints(2)).isEqualTo(cny(Long.MAX_VALUE / 5_000));
    }

    @Test
    void comparesAndTellsPositiveFromZero() {
        assertThat(cny(33600).isGreaterThan(cny(16800))).isTrue();
        assertThat(cny(16800).isGreaterThan(cny(16800))).isFalse();
        assertThat(cny(1).isPositive()).isTrue();
        assertThat(Money.zero("CNY").isPositive()).isFalse();
        assertThat(Money.zero("CNY").minorUnits()).isZero();
    }
}
