package com.marketplaceledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.commission.CommissionId;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.SaleId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    private static final String SIXTY_FOUR = "Mxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    /** Every merchant-chosen id type, by the name its error message uses. */
    private static final List<IdType> ID_TYPES = List.of(
            new IdType("merchant id", MerchantId::of),
            new IdType("listing id", ListingId::of),
            new IdType("distributor id", DistributorId::of),
            new IdType("sale id", SaleId::of),
            new IdType("refund id", RefundId::of));

    private record IdType(String kind, Function<String, Object> create) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"M-hz-001", "D-0007", "S-20250318-0042", "L-tea-0001", "a", "9", "order.2025_03:42",
            SIXTY_FOUR})
    void typedIdsAcceptMerchantStyleIds(String value) {
        assertThat(ID_TYPES).allSatisfy(type ->
                assertThat(type.create().apply(value)).hasToString(value));
        assertThat(Identifiers.requireValid(value, "merchant id")).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "a/b", "M-hz-001/S-1", "-leading-dash", ".hidden", "M hz 001", "M-hz-001\n",
            "商户001"})
    void typedIdsRefuseBlankAndMalformedIdsNamingTheKind(String value) {
        assertThat(ID_TYPES).allSatisfy(type ->
                assertThatThrownBy(() -> type.create().apply(value))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(type.kind() + " must be 1 to 64"));
    }

    @Test
    void typedIdsRefuseMoreThanSixtyFourCharacters() {
        String sixtyFive = SIXTY_FOUR + "x";

        assertThat(ID_TYPES).allSatisfy(type ->
                assertThatThrownBy(() -> type.create().apply(sixtyFive))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("1 to 64"));
    }

    @Test
    void theCheckAgreesWithThePublishedPatternOnRandomStrings() {
        Pattern pattern = Pattern.compile(Identifiers.PATTERN);
        String alphabet = "aZ09._:-/ \u00e9\u5546";
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            int length = random.nextInt(68);
            var value = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String id = value.toString();
            assertThat(Identifiers.isValid(id)).as("'%s'", id).isEqualTo(pattern.matcher(id).matches());
        }
    }

    @Test
    void typedIdsAreValuesSerialisedAsPlainJsonStrings() throws Exception {
        ObjectMapper json = LedgerJson.objectMapper();

        assertThat(MerchantId.of("M-hz-001")).isEqualTo(new MerchantId("M-hz-001"));
        assertThat(json.writeValueAsString(MerchantId.of("M-hz-001"))).isEqualTo("\"M-hz-001\"");
        assertThat(json.readValue("\"D-0007\"", DistributorId.class)).isEqualTo(DistributorId.of("D-0007"));
        assertThat(json.readValue("\"sale.S-1.L2\"", CommissionId.class)).isEqualTo(new CommissionId("sale.S-1.L2"));
    }

    @Test
    void aMalformedIdInJsonIsRefused() {
        ObjectMapper json = LedgerJson.objectMapper();

        assertThatThrownBy(() -> json.readValue("\"a/b\"", SaleId.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("sale id must be 1 to 64");
    }

    @Test
    void commissionIdsDeriveFromTheirSourceAndLevel() {
        assertThat(CommissionId.onSale(SaleId.of("S-20250318-0042"), 2).value())
                .isEqualTo("sale.S-20250318-0042.L2");
        assertThat(CommissionId.onEnrolment(DistributorId.of("D-0007"), CommissionBasis.JOINING_FEE, 3).value())
                .isEqualTo("enrolment.D-0007.joining_fee.L3");
        assertThat(CommissionId.onEnrolment(DistributorId.of("D-0007"), CommissionBasis.RECRUITMENT, 2))
                .isNotEqualTo(CommissionId.onEnrolment(DistributorId.of("D-0007"), CommissionBasis.JOINING_FEE, 2));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void commissionIdsMustNotBeBlank(String value) {
        assertThatThrownBy(() -> new CommissionId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commission id must not be blank");
    }

    @Test
    void streamIdsAreScopedByKindAndMerchant() {
        MerchantId merchant = MerchantId.of("M-hz-001");

        assertThat(StreamIds.merchant(merchant)).isEqualTo("merchant/M-hz-001");
        assertThat(StreamIds.listing(merchant, ListingId.of("L-tea-0001"))).isEqualTo("listing/M-hz-001/L-tea-0001");
        assertThat(StreamIds.distributor(merchant, DistributorId.of("D-0007"))).isEqualTo("distributor/M-hz-001/D-0007");
        assertThat(StreamIds.sale(merchant, SaleId.of("S-20250318-0042"))).isEqualTo("sale/M-hz-001/S-20250318-0042");
    }

    @Test
    void twoMerchantsUsingTheSameIdGetDifferentStreams() {
        SaleId sameId = SaleId.of("S-1");
        MerchantId hangzhou = MerchantId.of("M-hz-001");
        MerchantId shenzhen = MerchantId.of("M-sz-002");

        assertThat(StreamIds.sale(hangzhou, sameId)).isNotEqualTo(StreamIds.sale(shenzhen, sameId));
        assertThat(StreamIds.sale(hangzhou, sameId)).isNotEqualTo(StreamIds.distributor(hangzhou, DistributorId.of("S-1")));
        // ids cannot contain '/', so "M-hz-001" + "/S-1" cannot collide with another merchant's stream
        assertThat(StreamIds.sale(hangzhou, sameId).split("/")).containsExactly("sale", "M-hz-001", "S-1");
    }
}
