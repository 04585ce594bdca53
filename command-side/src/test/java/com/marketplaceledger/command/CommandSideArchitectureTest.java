package com.marketplaceledger.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules (README, modules) as they apply to the command side: it never reaches into
 * the query side; aggregates decide from their own events only; the feature packages stand on
 * their own, sharing only the root package, the commission policy and the directory; the
 * published language stays free of Spring.
 */
@AnalyzeClasses(packages = "com.marketplaceledger", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    private static final String ROOT = "com.marketplaceledger.command";
    private static final String[] FEATURES = {"merchant", "listing", "referral", "sale"};

    @ArchTest
    static final ArchRule commandSideDoesNotDependOnTheQuerySide = noClasses()
            .that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat().resideInAPackage("com.marketplaceledger.query..")
            .because("the two sides share the event store and nothing else");

    @ArchTest
    static final ArchRule sharedEventsDoNotDependOnSpringOrOnAService = noClasses()
            .that().resideInAPackage("com.marketplaceledger.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                    "com.marketplaceledger.command..", "com.marketplaceledger.query..", "com.marketplaceledger.axon..")
            .because("the published language is plain data every module and tool can read");

    @ArchTest
    static final ArchRule axonWiringDoesNotDependOnAService = noClasses()
            .that().resideInAPackage("com.marketplaceledger.axon..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.marketplaceledger.command..", "com.marketplaceledger.query..")
            .because("the axon module is shared by both services");

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic()
            .andShould().resideInAnyPackage(featurePackages());

    @ArchTest
    static final ArchRule aggregatesHaveNoPublicMethods = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Aggregate.class)
            .should().notBePublic()
            .because("an aggregate is reached through commands only");

    @ArchTest
    static final ArchRule aggregatesHaveNoPublicConstructors = constructors()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule aggregatesDecideFromTheirOwnEventsOnly = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    ROOT + ".directory..", "org.springframework..", "java.sql..", "javax.sql..",
                    "org.axonframework.commandhandling.gateway..")
            .because("an aggregate is rebuilt from its events; facts from elsewhere are looked up by a handler "
                    + "or policy and passed in");

    @ArchTest
    static final ArchRule aggregatesHoldNoSpringBeans = noFields()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Aggregate.class)
            .should().haveRawType(metaAnnotatedWith(Component.class))
            .because("aggregates are not injected with services");

    @ArchTest
    static final ArchRule merchantDependsOnNoOtherFeature = featureIndependent("merchant");

    @ArchTest
    static final ArchRule listingDependsOnNoOtherFeature = featureIndependent("listing");

    @ArchTest
    static final ArchRule referralDependsOnNoOtherFeature = featureIndependent("referral");

    @ArchTest
    static final ArchRule saleDependsOnNoOtherFeature = featureIndependent("sale");

    @ArchTest
    static final ArchRule sharedKernelsDependOnNoFeature = noClasses()
            .that().resideInAnyPackage(ROOT + ".commission..", ROOT + ".directory..")
            .should().dependOnClassesThat().resideInAnyPackage(featurePackages())
            .because("commission and directory are shared kernels the features build on");

    @ArchTest
    static final ArchRule featuresDoNotDependOnTheImportOrIdempotencyMachinery = noClasses()
            .that().resideInAnyPackage(featurePackages())
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".imports..", ROOT + ".idempotency..");

    @ArchTest
    static final ArchRule controllersSendCommandsThroughLedgerCommands = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
            .because("every command response carries the position of its last event, which LedgerCommands adds");

    /** Keeps the rules above from passing vacuously: every module and feature was imported. */
    @ArchTest
    static void theRulesSeeEveryModuleAndFeature(JavaClasses classes) {
        for (String pkg : new String[]{"com.marketplaceledger.shared.merchant", "com.marketplaceledger.axon",
                ROOT, ROOT + ".merchant", ROOT + ".listing", ROOT + ".referral", ROOT + ".sale",
                ROOT + ".commission", ROOT + ".directory"}) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(pkg))).as("classes in %s", pkg).isNotEmpty();
        }
        assertThat(classes.stream().filter(c -> c.isAnnotatedWith(Aggregate.class)).map(c -> c.getSimpleName()))
                .containsExactlyInAnyOrder("Merchant", "Listing", "Distributor", "Sale");
    }

    private static ArchRule featureIndependent(String feature) {
        String[] others = Arrays.stream(FEATURES).filter(f -> !f.equals(feature))
                .map(f -> ROOT + "." + f + "..").toArray(String[]::new);
        return noClasses()
                .that().resideInAPackage(ROOT + "." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("feature packages share only the root package, commission and directory");
    }

    private static String[] featurePackages() {
        return Arrays.stream(FEATURES).map(f -> ROOT + "." + f + "..").toArray(String[]::new);
    }
}
