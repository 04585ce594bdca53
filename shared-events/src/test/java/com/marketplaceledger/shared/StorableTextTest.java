package com.marketplaceledger.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    record Line(String label, Money price) {
    }

    record Order(String note, List<Line> lines, Map<String, String> tags, Integer count) {
    }

    @Test
    void namesEveryFieldHoldingANulThroughNestedRecordsListsAndMaps() {
        Order order = new Order("a\u0000b", List.of(new Line("ok", Money.of(1, "CNY")), new Line("x\u0000", null)),
                Map.of("k", "v\u0000"), 3);

        assertThat(StorableText.fieldsWithNul(order)).containsExactlyInAnyOrder("note", "lines[1].label", "tags[k]");
    }

    @Test
    void textWithoutNulIsStorableControlCharactersAndAllOfUnicodeIncluded() {
        Order order = new Order("杭州\t\n\u0001😀", List.of(), Map.of(), null);

        assertThat(StorableText.fieldsWithNul(order)).isEmpty();
    }
}
