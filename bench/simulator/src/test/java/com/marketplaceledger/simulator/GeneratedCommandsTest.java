package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import com.marketplaceledger.shared.sale.SaleId;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedCommandsTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        // the parameter interpolator needs no expression-language implementation on the class path
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static Stream<Arguments> scenarios() {
        var scenarios = new ArrayList<Arguments>();
        for (ScenarioKind kind : ScenarioKind.values()) {
            for (int seed = 1; seed <= 4; seed++) {
                scenarios.add(Arguments.of(kind, seed, seed % 2 == 0 ? 20 : 120));
            }
        }
        return scenarios.stream();
    }

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void everyLineReadsBackIntoItsCommandAndPassesBeanValidation(ScenarioKind kind) {
        Generated generated = Generated.of(kind, 3, 40);

        MerchantCommand registration = Generated.parse(generated.lines().get(0));
        assertThat(registration).isEqualTo(generated.scenario().registration());
        assertThat(generated.lines().get(0)).startsWith("{\"type\":\"RegisterMerchant\",");
        var emitted = new ArrayList<MerchantCommand>();
        generated.scenario().generate(emitted::add);
        assertThat(generated.commands()).isEqualTo(emitted);
        for (MerchantCommand command : generated.commands()) {
            assertThat(command.merchantId()).isEqualTo(generated.scenario().merchantId());
            assertThat(validator.validate(command)).as("%s", command).isEmpty();
        }
        assertThat(validator.validate(registration)).isEmpty();
        assertThat(generated.lines()).hasSize((int) generated.truth().commands() + 1);
    }

    @ParameterizedTest(name = "{0} seed {1} size {2}")
    @MethodSource("scenarios")
    void commandsComeInBusinessOrder(ScenarioKind kind, long seed, int size) {
        Generated generated = Generated.of(kind, seed, size);
        Instant start = generated.scenario().start();
        Instant end = generated.scenario().end();
        var listings = new HashSet<ListingId>();
        var enrolled = new HashSet<DistributorId>();
        var sales = new HashMap<SaleId, RecordSale>();
        Map<String, RequestRefund> requests = new HashMap<>();
        Set<String> decided = new HashSet<>();
        boolean planned = false;
        Instant previous = start;

        for (MerchantCommand command : generated.commands()) {
            Instant at = RuleOracle.occurredAt(command);
            assertThat(at).as("time of %s", command).isAfterOrEqualTo(previous).isBefore(end);
            previous = at;
            if (command instanceof DeclareCompensationPlan) {
                assertThat(enrolled).as("the plan comes before the network").isEmpty();
                assertThat(sales).isEmpty();
                planned = true;
            } else if (command instanceof PublishListing listing) {
                assertThat(listings.add(listing.listingId())).as("listing ids are unique").isTrue();
            } else if (command instanceof EnrolDistributor enrolment) {
                if (enrolment.sponsorId() != null) {
                    assertThat(enrolled).as("sponsor of %s enrolled before", enrolment.distributorId())
                            .contains(enrolment.sponsorId());
                }
                assertThat(enrolled.add(enrolment.distributorId())).as("distributor ids are unique").isTrue();
            } else if (command instanceof RecordSale sale) {
                assertThat(listings).as("listing of %s published before", sale.saleId()).contains(sale.listingId());
                if (sale.sellerId() != null) {
                    assertThat(enrolled).as("seller of %s enrolled before", sale.saleId()).contains(sale.sellerId());
                }
                if (sale.buyer().participantId() != null) {
                    assertThat(enrolled).as("buyer of %s enrolled before", sale.saleId())
                            .contains(sale.buyer().participantId());
                    assertThat(sale.sellerId()).as("a member buys from the merchant or its sponsor")
                            .isIn(null, sponsorOf(generated, sale.buyer().participantId()));
                }
                assertThat(sales.put(sale.saleId(), sale)).as("sale ids are unique").isNull();
            } else if (command instanceof RequestRefund request) {
                RecordSale sale = sales.get(request.saleId());
                assertThat(sale).as("sale of refund %s recorded before", request.refundId()).isNotNull();
                assertThat(request.occurredAt()).isAfter(sale.occurredAt());
                assertThat(requests.put(request.refundId().value(), request)).as("refund ids are unique").isNull();
            } else if (command instanceof IssueRefund issued) {
                decide(requests, decided, issued.refundId().value(), issued.saleId(), issued.occurredAt());
                assertThat(issued.amount()).isEqualTo(requests.get(issued.refundId().value()).amount());
            } else if (command instanceof RefuseRefund refused) {
                decide(requests, decided, refused.refundId().value(), refused.saleId(), refused.occurredAt());
            }
        }
        assertThat(decided).as("every refund request is answered").isEqualTo(requests.keySet());
        assertThat(planned || kind == ScenarioKind.HONEST_RETAILER).as("a plan is declared").isTrue();
    }

    private static void decide(Map<String, RequestRefund> requests, Set<String> decided, String refund, SaleId sale,
                               Instant at) {
        RequestRefund request = requests.get(refund);
        assertThat(request).as("refund %s requested before its decision", refund).isNotNull();
        assertThat(request.saleId()).isEqualTo(sale);
        assertThat(at).isAfter(request.occurredAt());
        assertThat(decided.add(refund)).as("refund %s decided once", refund).isTrue();
    }

    private static DistributorId sponsorOf(Generated generated, DistributorId distributor) {
        return generated.all(EnrolDistributor.class).stream()
                .filter(e -> e.distributorId().equals(distributor))
                .findFirst().orElseThrow().sponsorId();
    }

    @ParameterizedTest
    @EnumSource(ScenarioKind.class)
    void theRegistrationIsTheFirstLineAndAtTheStart(ScenarioKind kind) {
        Generated generated = Generated.of(kind, 11, 30);
        var registration = (RegisterMerchant) Generated.parse(generated.lines().get(0));

        assertThat(registration.occurredAt()).isEqualTo(generated.scenario().start());
        assertThat(registration.jurisdiction()).isEqualTo(kind.jurisdiction());
        assertThat(generated.lines().stream().skip(1)).noneMatch(line -> line.contains("RegisterMerchant"));
    }
}
