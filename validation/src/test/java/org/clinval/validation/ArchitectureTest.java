package org.clinval.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: {@code validation} depends on no framework, only the JDK and Apache Commons maths. */
class ArchitectureTest {

    private static final JavaClasses VALIDATION =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.clinval.validation");

    @Test
    void validationDependsOnlyOnTheJdkAndCommonsMaths() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.validation..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "java..",
                        "org.clinval.validation..",
                        "org.apache.commons.statistics..",
                        "org.apache.commons.numbers..",
                        "org.apache.commons.rng..")
                .because("validation is plain Java statistics (DESIGN.md)")
                .check(VALIDATION);
    }

    @Test
    void validationDoesNotReachIntoOtherModules() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.validation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.clinval.app..",
                        "org.clinval.imaging..",
                        "org.clinval.workflows..",
                        "org.clinval.reports..",
                        "org.clinval.streaming..")
                .check(VALIDATION);
    }
}
