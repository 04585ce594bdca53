package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.RuleCategory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBookTest {

    /** The ids of the catalogue (docs/detection.md), in its order: the simulator and docs use them. */
    private static final List<String> CATALOGUE = List.of(
            "CN-HEADCOUNT-PAY", "CN-ENTRY-FEE", "CN-TEAM-PAY", "CN-DIRECT-SELLING-CAP", "CN-CRIMINAL-SCALE",
            "CN-SERIOUS", "CN-REPEAT", "CN-REFUND", "CN-PURCHASE-TEAM-PAY",
            "US-KOSCOT", "US-RETAIL-SHARE", "US-COMPANY-RETAIL", "US-70-PERCENT", "US-TEN-CUSTOMERS", "US-BUYBACK");

    @Test
    void the_rule_book_holds_every_rule_of_the_catalogue_once() {
        assertThat(RuleBook.rules()).extracting(rule -> rule.description().id()).containsExactlyElementsOf(CATALOGUE);
    }

    @Test
    void every_rule_has_a_logic_version_and_thresholds() {
        assertThat(RuleBook.rules()).allSatisfy(rule -> {
            assertThat(rule.description().logicVersion()).isPositive();
            assertThat(rule.description().thresholds()).isNotEmpty();
        });
    }

    @Test
    void only_team_pay_and_the_direct_selling_cap_are_compliance_matters() {
        assertThat(RuleBook.rules())
                .filteredOn(rule -> rule.description().category() == RuleCategory.COMPLIANCE)
                .extracting(rule -> rule.description().id())
                .containsExactly("CN-TEAM-PAY", "CN-DIRECT-SELLING-CAP");
    }

    @Test
    void refunds_buyback_and_ten_customers_are_the_safeguards() {
        assertThat(RuleBook.rules())
                .filteredOn(rule -> rule.description().category() == RuleCategory.SAFEGUARD)
                .extracting(rule -> rule.description().id())
                .containsExactly("CN-REFUND", "US-TEN-CUSTOMERS", "US-BUYBACK");
    }

    @Test
    void the_monthly_rules_are_the_periodic_ones() {
        assertThat(RuleBook.rules())
                .filteredOn(rule -> rule.description().periodic())
                .extracting(rule -> rule.description().id())
                .containsExactly("CN-DIRECT-SELLING-CAP", "CN-PURCHASE-TEAM-PAY", "US-RETAIL-SHARE", "US-TEN-CUSTOMERS");
    }

    @Test
    void no_rule_fires_on_an_empty_network() {
        NetworkFacts empty = Facts.network().facts();

        assertThat(RuleBook.rules()).allSatisfy(rule -> assertThat(Facts.judge(rule, empty)).isEmpty());
    }
}
