package org.clinval.risk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: risk management is plain Java with SnakeYAML and Jackson, and its packages point down:
 * the core nouns know nothing of reading, results, checking or tracing.
 */
class ArchitectureTest {

    private static final JavaClasses RISK =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.clinval.risk");

    @Test
    void riskManagementUsesOnlyTheJdkYamlJacksonCommonAndTheIntervalType() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "java..",
                        "org.clinval.risk..",
                        "org.clinval.validation",
                        "org.clinval.common..",
                        "org.yaml.snakeyaml..",
                        "com.fasterxml.jackson..")
                .because("no Camunda, Flink, DJL, PixelMed or Jasper here (DESIGN.md)")
                .check(RISK);
    }

    @Test
    void packagesPointDown() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.risk")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.clinval.risk.io..",
                        "org.clinval.risk.results..",
                        "org.clinval.risk.check..",
                        "org.clinval.risk.trace..")
                .check(RISK);
        noClasses()
                .that()
                .resideInAnyPackage("org.clinval.risk.io..", "org.clinval.risk.results..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.clinval.risk.check..", "org.clinval.risk.trace..")
                .check(RISK);
        noClasses()
                .that()
                .resideInAPackage("org.clinval.risk.check..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.clinval.risk.io..", "org.clinval.risk.trace..")
                .check(RISK);
    }
}
