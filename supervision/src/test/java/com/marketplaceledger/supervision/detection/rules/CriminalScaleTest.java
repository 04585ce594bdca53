package com.marketplaceledger.supervision.detection.rules;

import org.junit.jupiter.api.Test;

import static com.marketplaceledger.supervision.detection.rules.Facts.gate;
import static com.marketplaceledger.supervision.detection.rules.Facts.judge;
import static com.marketplaceledger.supervision.detection.rules.Facts.measurement;
import static com.marketplaceledger.supervision.detection.rules.Facts.network;
import static org.assertj.core.api.Assertions.assertThat;

class CriminalScaleTest {

    private final CriminalScale rule = new CriminalScale();

    @Test
    void a_network_of_thirty_in_three_levels_whose_gate_is_found_from_behaviour_fires() {
        Facts network = thirtyPeopleInThreeLevels();
        network.inferredGates.add(gate("L-KIT", 28, 25));

        Finding finding = judge(rule, network.facts()).get(0);

        assertThat(measurement(finding, "entryPayments").value()).isEqualByComparingTo("25");
        assertThat(measurement(finding, "headcountPayments").value()).isEqualByComparingTo("25");
        assertThat(finding.evidence().eventIds()).contains("S-L-KIT-1", "C-L-KIT-25");
    }

    @Test
    void size_alone_without_a_gate_or_pay_per_head_does_not_fire() {
        Facts network = thirtyPeopleInThreeLevels();
        network.inferredGates.add(gate("L-TEA", 28, 10));

        assertThat(judge(rule, network.facts())).isEmpty();
    }

    private static Facts thirtyPeopleInThreeLevels() {
        Facts network = network();
        network.people = 30;
        network.levels = 3;
        return network;
    }
}
