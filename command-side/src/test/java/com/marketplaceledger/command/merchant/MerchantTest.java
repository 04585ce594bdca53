package com.marketplaceledger.command.merchant;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.RuleViolation.Kind;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.CompensationPlanDeclared;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.MerchantRegistered;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.marketplaceledger.command.RuleViolationMatcher.violation;
import static org.hamcrest.Matchers.containsString;

class MerchantTest {

    private static final MerchantId MERCHANT = MerchantId.of("M-1");
    private static final Instant REGISTERED_AT = Instant.parse("2025-01-01T08:00:00Z");
    private static final Instant JAN = Instant.parse("2025-01-15T00:00:00Z");
    private static final Instant FEB = Instant.parse("2025-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2025-03-01T00:00:00Z");

    private static final MerchantRegistered REGISTERED =
            new MerchantRegistered(MERCHANT, "Acme Health", "LIC-0001", "CN", REGISTERED_AT);

    private AggregateTestFixture<Merchant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Merchant.class);
    }

    @Test
    void registering_a_merchant_records_its_name_licence_and_jurisdiction() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMerchant(MERCHANT, "Acme Health", "LIC-0001", "CN", REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void the_first_plan_a_merchant_declares_is_version_1() {
        var plan = retailPlan();
        fixture.given(REGISTERED)
                .when(new DeclareCompensationPlan(MERCHANT, plan, JAN))
                .expectEvents(new CompensationPlanDeclared(MERCHANT, 1, plan, JAN));
    }

    @Test
    void each_new_plan_is_the_next_version() {
        var plan = pyramidPlan();
        fixture.given(REGISTERED,
                        new CompensationPlanDeclared(MERCHANT, 1, retailPlan(), JAN),
                        new CompensationPlanDeclared(MERCHANT, 2, retailPlan(), FEB))
                .when(new DeclareCompensationPlan(MERCHANT, plan, MAR))
                .expectEvents(new CompensationPlanDeclared(MERCHANT, 3, plan, MAR));
    }

    @Test
    void a_plan_coming_into_force_at_the_same_time_as_the_previous_one_is_accepted() {
        var plan = pyramidPlan();
        fixture.given(REGISTERED, new CompensationPlanDeclared(MERCHANT, 1, retailPlan(), FEB))
                .when(new DeclareCompensationPlan(MERCHANT, plan, FEB))
                .expectEvents(new CompensationPlanDeclared(MERCHANT, 2, plan, FEB));
    }

    @Test
    void a_plan_coming_into_force_before_the_previous_version_is_refused() {
        fixture.given(REGISTERED, new CompensationPlanDeclared(MERCHANT, 1, retailPlan(), FEB))
                .when(new DeclareCompensationPlan(MERCHANT, pyramidPlan(), JAN))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violation(Kind.UNPROCESSABLE, "plan-out-of-order", "occurredAt"))
                .expectExceptionMessage(containsString("plan version 2 cannot come into force before version 1"));
    }

    @Test
    void an_incoherent_plan_is_refused_by_the_merchant_and_no_version_is_used_up() {
        var overPaid = new CompensationPlan(List.of(new LevelRate(1, 6_000), new LevelRate(2, 4_001)),
                null, null, List.of(), null, 30, 0);
        fixture.given(REGISTERED, new CompensationPlanDeclared(MERCHANT, 1, retailPlan(), JAN))
                .when(new DeclareCompensationPlan(MERCHANT, overPaid, FEB))
                .expectNoEvents()
                .expectException(violation(Kind.UNPROCESSABLE, "rates-exceed-whole", "plan.salesRates"));
    }

    @Test
    void a_recruitment_heavy_plan_is_recorded_as_evidence_rather_than_refused() {
        var plan = pyramidPlan();
        fixture.given(REGISTERED)
                .when(new DeclareCompensationPlan(MERCHANT, plan, JAN))
                .expectEvents(new CompensationPlanDeclared(MERCHANT, 1, plan, JAN));
    }

    private static CompensationPlan retailPlan() {
        return new CompensationPlan(List.of(new LevelRate(1, 2_000), new LevelRate(2, 500)),
                null, null, List.of(), null, 30, 9_000);
    }

    private static CompensationPlan pyramidPlan() {
        return new CompensationPlan(List.of(new LevelRate(2, 3_000), new LevelRate(3, 2_000)),
                Money.of(50_000, "CNY"), Money.of(199_900, "CNY"),
                List.of(new LevelRate(2, 5_000), new LevelRate(3, 3_000), new LevelRate(4, 2_000)),
                null, 0, 0);
    }
}
