package org.clinval.imaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: PixelMed stays out of the DICOM reading API, behind its internal package. (That
 * nothing outside {@code imaging} imports PixelMed is checked in {@code app}, whose class path
 * holds every module.)
 */
class ArchitectureTest {

    private static final JavaClasses CLINVAL =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.clinval.imaging");

    @Test
    void theDicomApiUsesPixelMedOnlyThroughItsInternalPackage() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.imaging.dicom")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.pixelmed..")
                .because("PixelMed details live in org.clinval.imaging.dicom.internal")
                .check(CLINVAL);
    }

    @Test
    void publicMethodsOfTheDicomApiExposeNoPixelMedType() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("org.clinval.imaging.dicom")
                .and()
                .arePublic()
                .should(exposeNoPixelMedType())
                .check(CLINVAL);
    }

    private static ArchCondition<JavaMethod> exposeNoPixelMedType() {
        DescribedPredicate<JavaClass> pixelMed =
                DescribedPredicate.describe(
                        "PixelMed type", c -> c.getPackageName().startsWith("com.pixelmed"));
        return new ArchCondition<>("expose no PixelMed type") {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                boolean bad =
                        pixelMed.test(m.getRawReturnType())
                                || m.getRawParameterTypes().stream().anyMatch(pixelMed)
                                || m.getThrowsClause().getTypes().stream().anyMatch(pixelMed);
                if (bad) {
                    events.add(
                            SimpleConditionEvent.violated(
                                    m, m.getFullName() + " exposes PixelMed"));
                }
            }
        };
    }
}
