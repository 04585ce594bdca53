package com.marketplaceledger.supervision;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The boundaries of the regulators' context: its own modules, its port onto the read side, pure rules. */
class SupervisionArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.marketplaceledger.supervision");
    private static final Pattern READ_MODEL_TABLE = Pattern.compile("read_model\\.([a-z_]+)");
    /** A table a migration created, or made by renaming one of its own (the legacy rule tables). */
    private static final Pattern CREATED_TABLE = Pattern.compile("(?:CREATE TABLE|ALTER TABLE [a-z_]+ RENAME TO) ([a-z_]+)");

    @Test
    void itsModulesDependOnEachOtherOnlyThroughTheirApiAndWithoutCycles() {
        ApplicationModules.of("com.marketplaceledger.supervision").verify();
    }

    @Test
    void itKnowsNeitherTheQuerySideNorTheCommandSide() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.marketplaceledger.query..", "com.marketplaceledger.command..")
                .check(CLASSES);
    }

    @Test
    void rulesArePureFunctionsOfTheFactsTheyAreGiven() {
        noClasses().that().resideInAPackage("..detection.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "org.axonframework..")
                .check(CLASSES);
    }

    @Test
    void itsSqlReadsOnlyItsOwnTablesAndTheBusinessFactsViews() throws IOException {
        Set<String> own = matches(Path.of("src/main/resources/db/supervision"), CREATED_TABLE);
        Set<String> read = matches(Path.of("src/main/java"), READ_MODEL_TABLE);

        assertThat(own).contains("alert", "risk_sale", "case_file", "detection_job", "legacy_detection_rule_set");
        assertThat(read).isNotEmpty().isSubsetOf(own);
    }

    private static Set<String> matches(Path root, Pattern pattern) throws IOException {
        var found = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
