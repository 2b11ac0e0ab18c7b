package org.clinval.features;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: nothing outside workflows imports Camunda; the evidence is plain Java. */
class ArchitectureTest {

    private static final JavaClasses FEATURES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.clinval.features");

    @Test
    void featuresDoNotUseCamunda() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda..")
                .because("the process is reached through workflows' services (DESIGN.md)")
                .check(FEATURES);
    }

    @Test
    void theEvidenceDoesNotDependOnCucumber() {
        noClasses()
                .that()
                .resideInAPackage("..features.evidence..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cucumber..")
                .because("the measures are plain Java that the glue only calls")
                .check(FEATURES);
    }
}
