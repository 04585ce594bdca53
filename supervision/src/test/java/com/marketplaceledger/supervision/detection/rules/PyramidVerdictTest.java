package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.axon.web.Languages;
import com.marketplaceledger.axon.web.Texts;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.supervision.detection.rules.PyramidVerdict.Judged;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.marketplaceledger.shared.detection.RuleCategory.COMPLIANCE;
import static com.marketplaceledger.shared.detection.RuleCategory.PYRAMID_INDICATOR;
import static com.marketplaceledger.shared.detection.RuleCategory.SAFEGUARD;
import static org.assertj.core.api.Assertions.assertThat;

class PyramidVerdictTest {

    private static final Texts TEXTS = new Texts(Texts.bundles());

    @Test
    void any_pyramid_indicator_makes_the_network_suspected_and_is_what_decided_it() {
        PyramidVerdict verdict = PyramidVerdict.of(List.of(judged("CN-TEAM-PAY", COMPLIANCE),
                judged("CN-ENTRY-FEE", PYRAMID_INDICATOR), judged("CN-HEADCOUNT-PAY", PYRAMID_INDICATOR)));

        assertThat(verdict.suspected()).isTrue();
        assertThat(verdict.decisive()).containsExactly("CN-ENTRY-FEE", "CN-HEADCOUNT-PAY");
        assertThat(verdict.aggravating()).isEmpty();
        assertThat(verdict.code()).isEqualTo("verdict.suspected");
        assertThat(english(verdict)).isEqualTo("Suspected pyramid: CN-ENTRY-FEE, CN-HEADCOUNT-PAY found the structure of one.");
        assertThat(chinese(verdict)).isEqualTo("涉嫌传销：CN-ENTRY-FEE, CN-HEADCOUNT-PAY认定了传销的结构特征。");
    }

    @Test
    void failed_safeguards_aggravate_a_suspected_pyramid() {
        PyramidVerdict verdict = PyramidVerdict.of(List.of(judged("CN-REFUND", SAFEGUARD),
                judged("CN-PURCHASE-TEAM-PAY", PYRAMID_INDICATOR), judged("US-BUYBACK", SAFEGUARD)));

        assertThat(verdict.suspected()).isTrue();
        assertThat(verdict.decisive()).containsExactly("CN-PURCHASE-TEAM-PAY");
        assertThat(verdict.aggravating()).containsExactly("CN-REFUND", "US-BUYBACK");
        assertThat(english(verdict)).isEqualTo("Suspected pyramid: CN-PURCHASE-TEAM-PAY found the structure of one, "
                + "aggravated by the failed safeguards CN-REFUND, US-BUYBACK.");
        assertThat(chinese(verdict)).contains("CN-REFUND, US-BUYBACK所示保障措施缺失加重了情节");
    }

    @Test
    void failed_safeguards_alone_do_not_make_a_pyramid() {
        PyramidVerdict verdict = PyramidVerdict.of(List.of(judged("CN-REFUND", SAFEGUARD), judged("CN-TEAM-PAY", COMPLIANCE)));

        assertThat(verdict.suspected()).isFalse();
        assertThat(verdict.decisive()).isEmpty();
        assertThat(verdict.aggravating()).containsExactly("CN-REFUND");
        assertThat(verdict.code()).isEqualTo("verdict.safeguards-only");
        assertThat(english(verdict)).isEqualTo("Not suspected of being a pyramid: safeguards failed (CN-REFUND), which "
                + "aggravate a pyramid but alone do not make one; compliance findings: CN-TEAM-PAY.");
        assertThat(chinese(verdict)).startsWith("不构成传销嫌疑：CN-REFUND所示保障措施缺失").endsWith("另有行政合规问题：CN-TEAM-PAY。");
    }

    @Test
    void compliance_findings_alone_are_an_administrative_matter_not_a_pyramid() {
        PyramidVerdict verdict = PyramidVerdict.of(List.of(judged("CN-TEAM-PAY", COMPLIANCE),
                judged("CN-DIRECT-SELLING-CAP", COMPLIANCE)));

        assertThat(verdict.suspected()).isFalse();
        assertThat(verdict.code()).isEqualTo("verdict.compliance-only");
        assertThat(english(verdict)).isEqualTo("Not suspected of being a pyramid: only compliance findings (CN-TEAM-PAY, "
                + "CN-DIRECT-SELLING-CAP), administrative matters that lawful plans also run into.");
        assertThat(chinese(verdict)).isEqualTo("不构成传销嫌疑：仅有行政合规问题（CN-TEAM-PAY, CN-DIRECT-SELLING-CAP），合法经营者也可能出现。");
    }

    @Test
    void a_network_no_rule_fired_on_is_clear() {
        PyramidVerdict verdict = PyramidVerdict.of(List.of());

        assertThat(verdict.suspected()).isFalse();
        assertThat(verdict.code()).isEqualTo("verdict.clear");
        assertThat(verdict.arguments()).isEmpty();
        assertThat(english(verdict)).isEqualTo("Not suspected of being a pyramid: no rule fired.");
        assertThat(chinese(verdict)).isEqualTo("不构成传销嫌疑：没有规则被触发。");
    }

    @Test
    void a_rule_that_fired_in_several_months_is_named_once() {
        PyramidVerdict verdict = PyramidVerdict.of(List.of(judged("US-RETAIL-SHARE", PYRAMID_INDICATOR),
                judged("US-TEN-CUSTOMERS", SAFEGUARD), judged("US-RETAIL-SHARE", PYRAMID_INDICATOR),
                judged("US-TEN-CUSTOMERS", SAFEGUARD)));

        assertThat(verdict.decisive()).containsExactly("US-RETAIL-SHARE");
        assertThat(verdict.aggravating()).containsExactly("US-TEN-CUSTOMERS");
    }

    private static Judged judged(String ruleId, RuleCategory category) {
        return new Judged(ruleId, category);
    }

    private static String english(PyramidVerdict verdict) {
        return TEXTS.text(verdict.code(), verdict.arguments(), Languages.ENGLISH);
    }

    private static String chinese(PyramidVerdict verdict) {
        return TEXTS.text(verdict.code(), verdict.arguments(), Languages.CHINESE);
    }
}
