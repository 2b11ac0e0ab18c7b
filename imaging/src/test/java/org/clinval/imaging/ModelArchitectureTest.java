package org.clinval.imaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DJL stays inside the internals of the model, training and explanation packages. */
class ModelArchitectureTest {

    private static final JavaClasses IMAGING =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.clinval.imaging");

    @Test
    void onlyInternalPackagesUseDjl() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.clinval.imaging.model",
                        "org.clinval.imaging.model.training",
                        "org.clinval.imaging.explain",
                        "org.clinval.imaging.preprocess",
                        "org.clinval.imaging.phantom")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
                .because("the module's API is ours; DJL types stay in ...internal")
                .check(IMAGING);
    }

    @Test
    void preprocessingDependsOnNothingButTheJdk() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.imaging.preprocess..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "org.clinval.imaging.preprocess..")
                .because("preprocessing is plain data and arithmetic")
                .check(IMAGING);
    }
}
