package com.marketplaceledger.supervision.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.marketplaceledger.axon.web.Texts;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.detection.Measurement;
import com.marketplaceledger.supervision.detection.rules.PyramidVerdict;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What detection shows a regulator, in the language of the request: rule titles and legal
 * sources, reasons rendered from their codes and figures, measurements with their names and
 * units. Alerts and findings keep codes; only their readers write sentences.
 */
@Component
class RuleTexts {

    /**
     * A measurement as a regulator reads it: its name and unit as codes (stable, for programs)
     * beside {@code label} and {@code unitLabel} in the reader's language.
     */
    record MeasurementView(String name, String label, BigDecimal value, String unit, String unitLabel,
                           String comparison, BigDecimal threshold) {
    }

    private static final TypeReference<List<Measurement>> MEASUREMENTS = new TypeReference<>() {
    };
    private static final TypeReference<TreeMap<String, String>> ARGUMENTS = new TypeReference<>() {
    };

    private final Texts texts;

    RuleTexts(Texts texts) {
        this.texts = texts;
    }

    String title(String ruleId) {
        return label("rule." + ruleId + ".title", ruleId);
    }

    String source(String ruleId) {
        return label("rule." + ruleId + ".source", ruleId);
    }

    String reason(String code, Map<String, String> arguments) {
        return texts.text(code, arguments);
    }

    /**
     * The verdict's sentence, its lists of rules written the way the reader's language lists
     * things (its arguments keep them as ids joined by ", ", figures for programs).
     */
    String verdict(PyramidVerdict verdict) {
        var written = new TreeMap<String, String>(verdict.arguments());
        written.replace("decisive", texts.list(verdict.decisive()));
        written.replace("aggravating", texts.list(verdict.aggravating()));
        written.replace("compliance", texts.list(verdict.compliance()));
        return texts.text(verdict.code(), written);
    }

    List<MeasurementView> measurements(List<Measurement> measurements) {
        return measurements.stream().map(m -> new MeasurementView(m.name(), label("measurement." + m.name(), m.name()),
                m.value(), m.unit(), label("measurement.unit." + m.unit(), m.unit()), m.comparison(), m.threshold())).toList();
    }

    /** Measurements as the read models store them, in their published JSON form. */
    List<MeasurementView> measurements(String json) {
        return measurements(read(json, MEASUREMENTS));
    }

    /** A reason's arguments as the read models store them: a JSON object of strings. */
    static Map<String, String> arguments(String json) {
        return read(json, ARGUMENTS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return LedgerJson.objectMapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + json, e);
        }
    }

    /** A rule, name or unit stored by an alert long ago may have no text any more: it shows as its code. */
    private String label(String key, String code) {
        String text = texts.textOrNull(key);
        return text == null ? code : text;
    }
}
