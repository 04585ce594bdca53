package com.marketplaceledger.supervision.casework;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.shared.StreamIds;
import com.marketplaceledger.shared.casework.AddCaseNote;
import com.marketplaceledger.shared.casework.CaseClosed;
import com.marketplaceledger.shared.casework.CaseCommand;
import com.marketplaceledger.shared.casework.CaseEscalated;
import com.marketplaceledger.shared.casework.CaseFinding;
import com.marketplaceledger.shared.casework.CaseId;
import com.marketplaceledger.shared.casework.CaseNoteAdded;
import com.marketplaceledger.shared.casework.CaseOpened;
import com.marketplaceledger.shared.casework.CaseReviewStarted;
import com.marketplaceledger.shared.casework.CloseCase;
import com.marketplaceledger.shared.casework.EscalateCase;
import com.marketplaceledger.shared.casework.OpenCase;
import com.marketplaceledger.shared.casework.StartCaseReview;
import com.marketplaceledger.shared.detection.AlertId;
import com.marketplaceledger.shared.detection.AlertRaised;
import com.marketplaceledger.shared.detection.RuleCategory;
import com.marketplaceledger.shared.detection.Severity;
import com.marketplaceledger.shared.merchant.MerchantId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;

/** The case file's workflow, one rule per test; opening goes through {@link CaseOpening} and its alert check. */
class CaseFileTest {

    private static final MerchantId M = MerchantId.of("M-1");
    private static final MerchantId OTHER = MerchantId.of("M-2");
    private static final CaseId CASE = CaseId.of("CASE-1");
    private static final AlertId SCALE = AlertId.of("A-scale");
    private static final AlertId FEES = AlertId.of("A-fees");
    private static final AlertId OTHERS = AlertId.of("A-other-merchant");

    private static final Instant OPENED_AT = Instant.parse("2025-04-02T01:30:00Z");
    private static final Instant LATER = Instant.parse("2025-04-03T02:00:00Z");
    private static final Instant LATER_STILL = Instant.parse("2025-04-04T03:00:00Z");

    private static final CaseOpened OPENED = new CaseOpened(M, CASE, List.of(SCALE), "inspector.wang",
            "check the entry fees", OPENED_AT);
    private static final CaseReviewStarted REVIEWING = new CaseReviewStarted(M, CASE, "inspector.wang", LATER);
    private static final CaseEscalated ESCALATED = new CaseEscalated(M, CASE, "inspector.wang", "criminal scale", LATER);
    private static final CaseClosed CLOSED = new CaseClosed(M, CASE, "director.li", CaseFinding.WARNING_ISSUED,
            "plan changed", LATER);

    private AggregateTestFixture<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        var alerts = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        raise(alerts, M, SCALE);
        raise(alerts, M, FEES);
        raise(alerts, OTHER, OTHERS);
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerAnnotatedCommandHandler(new CaseOpening(fixture.getRepository(), alerts));
    }

    // --- opening ---------------------------------------------------------------------------

    @Test
    void opening_a_case_on_raised_alerts_records_who_opened_it_on_which_alerts_and_when() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(M, CASE, List.of(SCALE, FEES), "inspector.wang", "check the entry fees", OPENED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(M, CASE, List.of(SCALE, FEES), "inspector.wang", "check the entry fees",
                        OPENED_AT));
    }

    @Test
    void an_alert_named_twice_is_recorded_once() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(M, CASE, List.of(SCALE, FEES, SCALE), "inspector.wang", null, OPENED_AT))
                .expectEvents(new CaseOpened(M, CASE, List.of(SCALE, FEES), "inspector.wang", null, OPENED_AT));
    }

    @Test
    void a_case_is_not_opened_on_an_alert_that_was_never_raised() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(M, CASE, List.of(SCALE, AlertId.of("A-unknown")), "inspector.wang", null, OPENED_AT))
                .expectNoEvents()
                .expectException(refused(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-alert"))
                .expectExceptionMessage(containsString("A-unknown"));
    }

    @Test
    void a_case_is_not_opened_on_another_merchants_alert() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(M, CASE, List.of(OTHERS), "inspector.wang", null, OPENED_AT))
                .expectNoEvents()
                .expectException(refused(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-alert"));
    }

    @Test
    void nothing_can_be_done_to_a_case_that_was_never_opened() {
        fixture.givenNoPriorActivity()
                .when(new StartCaseReview(CASE, "inspector.wang", LATER))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- review ----------------------------------------------------------------------------

    @Test
    void a_review_starts_on_an_open_case_naming_the_reviewer() {
        fixture.given(OPENED)
                .when(new StartCaseReview(CASE, "inspector.zhao", LATER))
                .expectEvents(new CaseReviewStarted(M, CASE, "inspector.zhao", LATER));
    }

    @Test
    void a_review_does_not_start_twice() {
        fixture.given(OPENED, REVIEWING)
                .when(new StartCaseReview(CASE, "inspector.zhao", LATER_STILL))
                .expectNoEvents()
                .expectException(refused(HttpStatus.CONFLICT, "case-state"))
                .expectExceptionMessage(containsString("UNDER_REVIEW"));
    }

    @Test
    void a_review_does_not_start_on_an_escalated_case() {
        fixture.given(OPENED, ESCALATED)
                .when(new StartCaseReview(CASE, "inspector.zhao", LATER_STILL))
                .expectNoEvents()
                .expectException(refused(HttpStatus.CONFLICT, "case-state"));
    }

    // --- notes -----------------------------------------------------------------------------

    @Test
    void notes_are_numbered_from_one_in_the_order_they_are_added() {
        fixture.given(OPENED, new CaseNoteAdded(M, CASE, 1, "inspector.wang", "first look", LATER))
                .when(new AddCaseNote(CASE, "inspector.zhao", "D-0003 recruited 12 of 31", LATER_STILL))
                .expectEvents(new CaseNoteAdded(M, CASE, 2, "inspector.zhao", "D-0003 recruited 12 of 31", LATER_STILL));
    }

    @Test
    void a_note_may_be_added_to_an_escalated_case() {
        fixture.given(OPENED, REVIEWING, ESCALATED)
                .when(new AddCaseNote(CASE, "director.li", "bureau informed", LATER_STILL))
                .expectEvents(new CaseNoteAdded(M, CASE, 1, "director.li", "bureau informed", LATER_STILL));
    }

    // --- escalation ------------------------------------------------------------------------

    @Test
    void an_open_case_may_be_escalated_without_a_review() {
        fixture.given(OPENED)
                .when(new EscalateCase(CASE, "inspector.wang", "criminal scale", LATER))
                .expectEvents(new CaseEscalated(M, CASE, "inspector.wang", "criminal scale", LATER));
    }

    @Test
    void a_case_under_review_may_be_escalated() {
        fixture.given(OPENED, REVIEWING)
                .when(new EscalateCase(CASE, "inspector.zhao", "organiser recruits again", LATER_STILL))
                .expectEvents(new CaseEscalated(M, CASE, "inspector.zhao", "organiser recruits again", LATER_STILL));
    }

    @Test
    void a_case_is_escalated_only_once() {
        fixture.given(OPENED, ESCALATED)
                .when(new EscalateCase(CASE, "inspector.zhao", "again", LATER_STILL))
                .expectNoEvents()
                .expectException(refused(HttpStatus.CONFLICT, "case-state"))
                .expectExceptionMessage(containsString("escalated-already"));
    }

    // --- closing ---------------------------------------------------------------------------

    @Test
    void an_open_case_may_be_closed_with_a_finding() {
        fixture.given(OPENED)
                .when(new CloseCase(CASE, "director.li", CaseFinding.NO_VIOLATION, "retail plan", LATER))
                .expectEvents(new CaseClosed(M, CASE, "director.li", CaseFinding.NO_VIOLATION, "retail plan", LATER));
    }

    @Test
    void an_escalated_case_may_be_closed_with_a_finding() {
        fixture.given(OPENED, REVIEWING, ESCALATED)
                .when(new CloseCase(CASE, "director.li", CaseFinding.REFERRED_FOR_PROSECUTION, "to the PSB", LATER_STILL))
                .expectEvents(new CaseClosed(M, CASE, "director.li", CaseFinding.REFERRED_FOR_PROSECUTION, "to the PSB",
                        LATER_STILL));
    }

    static Stream<CaseCommand> actionsOnAClosedCase() {
        return Stream.of(
                new CloseCase(CASE, "director.li", CaseFinding.PENALISED, "second thoughts", LATER_STILL),
                new AddCaseNote(CASE, "inspector.wang", "one more thing", LATER_STILL),
                new StartCaseReview(CASE, "inspector.wang", LATER_STILL),
                new EscalateCase(CASE, "inspector.wang", "too late", LATER_STILL));
    }

    @ParameterizedTest
    @MethodSource("actionsOnAClosedCase")
    void a_closed_case_takes_no_further_action(CaseCommand action) {
        fixture.given(OPENED, CLOSED)
                .when(action)
                .expectNoEvents()
                .expectException(refused(HttpStatus.CONFLICT, "case-closed"));
    }

    private static void raise(EmbeddedEventStore store, MerchantId merchant, AlertId alert) {
        var raised = new AlertRaised(merchant, alert, "CN-ENTRY-FEE", 1, 1, Severity.HIGH, RuleCategory.PYRAMID_INDICATOR,
                null, null, LocalDate.parse("2025-03-31"), List.of(), "rule.CN-ENTRY-FEE.reason",
                Map.of("amount", "199.00", "payments", "1", "joiningFees", "1", "purchases", "0"), List.of(), 0, OPENED_AT);
        store.publish(new GenericDomainEventMessage<>("Alert", StreamIds.alert(merchant, alert.value()), 0, raised));
    }

    /** The problem a refused action is answered with: its status and rule. */
    private static Matcher<Object> refused(HttpStatus status, String rule) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof QueryRefused refused && refused.status() == status && rule.equals(refused.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + status.value() + " " + rule);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description description) {
                description.appendText(item instanceof QueryRefused refused
                        ? "was " + refused.status().value() + " " + refused.rule() + ": " + refused.getMessage()
                        : "was " + item);
            }
        };
    }
}
