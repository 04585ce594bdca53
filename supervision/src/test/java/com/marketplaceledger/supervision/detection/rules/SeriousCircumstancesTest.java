package com.marketplaceledger.supervision.detection.rules;

import com.marketplaceledger.shared.detection.Measurement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.marketplaceledger.supervision.detection.rules.Facts.evidence;
import static com.marketplaceledger.supervision.detection.rules.Facts.gate;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static com.marketplaceledger.supervision.detection.rules.Facts.tally;
import static com.marketplaceledger.supervision.detection.rules.Sentences.english;
import static org.assertj.core.api.Assertions.assertThat;

class SeriousCircumstancesTest {

    private final SeriousCircumstances rule = new SeriousCircumstances();

    private static Facts feeTaking() {
        Facts network = network();
        network.joiningFees = tally(10000, "E-1");
        return network;
    }

    @Test
    void a_fee_taking_network_of_120_people_fires() {
        Facts network = feeTaking();
        network.people = 120;

        assertThat(judge(rule, network.facts())).singleElement().satisfies(finding -> {
            assertThat(finding.measurements()).startsWith(
                    new Measurement("people", BigDecimal.valueOf(120), "people", ">=", BigDecimal.valueOf(120)));
            assertThat(english(finding.reason())).isEqualTo("A network that takes entry fees or pays per recruit has 120 people, "
                    + "counting the organiser, and collected CNY 0.00 from its participants, reaching the serious mark of "
                    + "120 people or CNY 2,500,000.00");
        });
    }

    @Test
    void a_fee_taking_network_of_119_people_that_collected_less_than_the_mark_does_not_fire() {
        Facts network = feeTaking();
        network.people = 119;
        network.collectedFromParticipantsCny = 249_999_999;

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void cny_2_500_000_collected_from_participants_fires_in_a_small_network() {
        Facts network = network();
        network.headcountPay = tally(500, "C-1");
        network.people = 5;
        network.collectedFromParticipantsCny = 250_000_000;

        assertThat(judge(rule, network.facts())).singleElement()
                .satisfies(finding -> assertThat(Facts.measurement(finding, "collectedFromParticipants")).isEqualTo(
                        new Measurement("collectedFromParticipants", BigDecimal.valueOf(250_000_000), "CNY", ">=",
                                BigDecimal.valueOf(250_000_000))));
    }

    @Test
    void a_large_network_without_entry_fees_or_pay_per_recruit_does_not_fire() {
        Facts network = network();
        network.people = 10_000;
        network.collectedFromParticipantsCny = 900_000_000;
        network.teamPay = tally(100, "C-1");

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    @Test
    void the_evidence_is_the_enrolments_then_the_payments() {
        Facts network = feeTaking();
        network.people = 120;
        network.enrolments = evidence("EN-1", "EN-2");
        network.gatePurchases = tally(100, "P-1");
        network.headcountPay = tally(100, "C-1");
        network.participantPurchases = tally(300, "P-1", "P-2");

        assertThat(judge(rule, network.facts()).get(0).evidence().eventIds())
                .containsExactly("EN-1", "EN-2", "E-1", "P-1", "C-1", "P-2");
    }

    @Test
    void a_network_of_120_whose_only_gate_is_found_from_behaviour_fires() {
        Facts network = network();
        network.people = 120;
        network.inferredGates.add(gate("L-KIT", 100, 90));

        assertThat(judge(rule, network.facts())).singleElement()
                .satisfies(finding -> assertThat(finding.evidence().eventIds()).contains("S-L-KIT-1", "C-L-KIT-1"));
    }
}
