package com.marketplaceledger.supervision.detection.rules;

import com.ibm.icu.text.MessageFormat;
import com.marketplaceledger.shared.detection.AlertRaised;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No rule can ship untranslated: every code a rule can state (its title, its legal source, every
 * reason code, every measurement name and unit) has a text in the English bundle and in the
 * Chinese one, and the two texts of a reason name the same figures.
 */
class TextsInBothLanguagesTest {

    private static final Properties ENGLISH = bundle("/i18n/supervision.properties");
    private static final Properties CHINESE = bundle("/i18n/supervision_zh_CN.properties");

    @Test
    void everyRuleHasATitleAndALegalSourceInBothLanguages() {
        List<String> keys = RuleBook.rules().stream()
                .flatMap(rule -> Stream.of(rule.description().titleKey(), rule.description().sourceKey())).toList();

        assertThat(keys).hasSize(2 * RuleBook.rules().size());
        assertBothLanguagesHave(keys);
    }

    @Test
    void everyReasonCodeARuleCanGiveAndTheLegacyOneHasASentenceInBothLanguagesNamingTheSameFigures() {
        var codes = new ArrayList<>(Reason.CODES);
        codes.add(AlertRaised.LEGACY_REASON);

        assertBothLanguagesHave(codes);
        assertThat(codes).allSatisfy(code -> assertThat(arguments(CHINESE, code))
                .as("the figures the Chinese sentence of %s names", code).isEqualTo(arguments(ENGLISH, code)));
        // each rule's reasons are its own, under rule.<id>.reason
        assertThat(Reason.CODES).allSatisfy(code -> assertThat(RuleBook.rules())
                .anyMatch(rule -> code.equals(rule.description().reasonCode()) || code.startsWith(rule.description().reasonCode() + ".")));
    }

    @Test
    void everyMeasurementNameAndUnitARuleCanStateHasATextInBothLanguages() {
        assertBothLanguagesHave(Measurements.NAMES.stream().map(name -> "measurement." + name).toList());
        assertBothLanguagesHave(Measurements.UNITS.stream().map(unit -> "measurement.unit." + unit).toList());
    }

    @Test
    void theTwoBundlesHoldTheSameKeysAndEveryTemplateIsWellFormed() {
        assertThat(CHINESE.stringPropertyNames()).isEqualTo(ENGLISH.stringPropertyNames());
        assertThat(ENGLISH.stringPropertyNames()).allSatisfy(key -> {
            assertThat(arguments(ENGLISH, key)).as("English %s", key).isNotNull();
            assertThat(arguments(CHINESE, key)).as("Chinese %s", key).isNotNull();
        });
    }

    private static void assertBothLanguagesHave(List<String> keys) {
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(ENGLISH.getProperty(key)).as("English text of %s", key).isNotBlank();
            assertThat(CHINESE.getProperty(key)).as("Chinese text of %s", key).isNotBlank();
        });
    }

    /** The arguments a template names; parsing it fails on a malformed one. */
    private static Set<String> arguments(Properties bundle, String key) {
        return new MessageFormat(bundle.getProperty(key)).getArgumentNames();
    }

    private static Properties bundle(String resource) {
        var properties = new Properties();
        try (InputStream in = TextsInBothLanguagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
