package com.marketplaceledger.shared;

import com.marketplaceledger.shared.governance.GovernanceEvent;
import com.marketplaceledger.shared.oversight.OversightEvent;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The published language is shared by the command side, the query side and the auditor's tools:
 * it must stay plain data, free of any framework runtime, with events and commands told apart.
 */
@AnalyzeClasses(packages = "com.marketplaceledger.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    private static final String[] FEATURE_PACKAGES = {
            "com.marketplaceledger.shared.merchant",
            "com.marketplaceledger.shared.listing",
            "com.marketplaceledger.shared.referral",
            "com.marketplaceledger.shared.sale",
            "com.marketplaceledger.shared.commission",
            "com.marketplaceledger.shared.detection",
            "com.marketplaceledger.shared.casework",
            "com.marketplaceledger.shared.oversight",
            "com.marketplaceledger.shared.governance"};

    /** Past tense or past participle: Registered, Declared, Published, Withdrawn, Issued, ... */
    private static final String PAST_TENSE_NAME = ".*\\.[A-Z][A-Za-z]*[a-z](ed|en|wn)";

    @ArchTest
    static final ArchRule dependsOnNoSpringOrPersistence = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "org.hibernate..")
            .because("the published language is read by every module and the auditor's tools, "
                    + "and stored as JSON, not mapped to tables");

    @ArchTest
    static final ArchRule usesAxonOnlyForItsAnnotations = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.axonframework..")
                    .and(not(belongToAnyOf(Revision.class, TargetAggregateIdentifier.class))))
            .because("events and commands are plain data; only Axon's revision and routing "
                    + "annotations belong on them");

    @ArchTest
    static final ArchRule revisionedClassesArePastTenseLedgerEventsInAFeaturePackage = classes()
            .that().areAnnotatedWith(Revision.class)
            .should().haveNameMatching(PAST_TENSE_NAME)
            .andShould().resideInAnyPackage(FEATURE_PACKAGES)
            .andShould(ArchConditions.implement(LedgerEvent.class).or(ArchConditions.implement(OversightEvent.class))
                    .or(ArchConditions.implement(GovernanceEvent.class)))
            .andShould().beRecords();

    @ArchTest
    static final ArchRule everyLedgerEventCarriesARevision = classes()
            .that().implement(LedgerEvent.class)
            .should().beAnnotatedWith(Revision.class)
            .because("an event's JSON is a published contract from its first revision on");

    @ArchTest
    static final ArchRule commandsAreNeitherEventsNorRevisioned = classes()
            .that().implement(MerchantCommand.class)
            .should().notBeAnnotatedWith(Revision.class)
            .andShould().notImplement(LedgerEvent.class)
            .andShould().haveSimpleNameNotEndingWith("ed")
            .andShould().resideInAnyPackage(FEATURE_PACKAGES)
            .andShould().beRecords();

    /** Keeps {@link #FEATURE_PACKAGES} honest: each one named here really holds events. */
    @ArchTest
    static void everyFeaturePackageHoldsEvents(JavaClasses classes) {
        for (String feature : FEATURE_PACKAGES) {
            assertThat(classes.stream()
                            .filter(c -> c.getPackageName().equals(feature))
                            .filter(c -> c.isAssignableTo(LedgerEvent.class) || c.isAssignableTo(OversightEvent.class)
                                    || c.isAssignableTo(GovernanceEvent.class)))
                    .as("events in %s", feature)
                    .isNotEmpty();
        }
    }
}
