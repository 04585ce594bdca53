package com.marketplaceledger.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.marketplaceledger", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule query_side_never_depends_on_the_command_side = noClasses()
            .that().resideInAPackage("com.marketplaceledger.query..")
            .should().dependOnClassesThat().resideInAPackage("com.marketplaceledger.command..");

    @ArchTest
    static final ArchRule the_published_language_has_no_spring_or_jpa = noClasses()
            .that().resideInAPackage("com.marketplaceledger.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule the_read_side_meets_supervision_only_at_its_ports = noClasses()
            .that().resideInAPackage("com.marketplaceledger.query..")
            .should().dependOnClassesThat().resideInAnyPackage("com.marketplaceledger.supervision.detection..",
                    "com.marketplaceledger.supervision.casework..");

    @ArchTest
    static final ArchRule axon_infrastructure_knows_neither_side = noClasses()
            .that().resideInAPackage("com.marketplaceledger.axon..")
            .should().dependOnClassesThat().resideInAnyPackage("com.marketplaceledger.command..", "com.marketplaceledger.query..",
                    "com.marketplaceledger.supervision..");
}
