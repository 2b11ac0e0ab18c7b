package org.clinval.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: nothing outside {@code imaging} imports PixelMed or DJL. */
class ArchitectureTest {

    /** Every module's classes: the app's class path holds them all. */
    private static final JavaClasses CLINVAL =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.clinval");

    @Test
    void onlyImagingImportsPixelMedOrDjl() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.clinval.imaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.pixelmed..", "ai.djl..")
                .because("the rest of the suite uses imaging's own API (DESIGN.md)")
                .check(CLINVAL);
    }
}
