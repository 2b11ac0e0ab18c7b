package org.clinval.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: {@code reports} renders results with JasperReports and POI; outside its study report
 * step, which renders the workflows module's results through that module's API, it reaches no
 * workflow, streaming, imaging or deep-learning framework, and its model stays free of both
 * renderers.
 */
class ArchitectureTest {

    private static final JavaClasses REPORTS =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.clinval.reports");

    @Test
    void reportsUseNoWorkflowStreamingImagingOrModelFramework() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.reports..")
                .and()
                .resideOutsideOfPackage("org.clinval.reports.study..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.camunda..",
                        "org.apache.flink..",
                        "ai.djl..",
                        "com.pixelmed..",
                        "org.clinval.app..",
                        "org.clinval.imaging..",
                        "org.clinval.workflows..",
                        "org.clinval.streaming..")
                .check(REPORTS);
    }

    @Test
    void theStudyReportStepUsesTheWorkflowsApiButNoEngine() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.reports.study..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.camunda..",
                        "org.apache.flink..",
                        "ai.djl..",
                        "com.pixelmed..",
                        "org.clinval.app..",
                        "org.clinval.imaging..",
                        "org.clinval.streaming..",
                        "org.clinval.workflows.delegate..",
                        "org.clinval.workflows.engine..")
                .check(REPORTS);
    }

    @Test
    void theModelIsIndependentOfTheRenderers() {
        noClasses()
                .that()
                .resideInAPackage("org.clinval.reports.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "net.sf.jasperreports..",
                        "org.apache.poi..",
                        "org.jfree..",
                        "org.clinval.reports.pdf..",
                        "org.clinval.reports.xlsx..")
                .check(REPORTS);
    }

    /**
     * The surveillance report ({@code org.clinval.reports.pms}) is the one other renderer: it reads
     * its own input files and writes its PDF and workbook itself.
     */
    @Test
    void onlyThePdfPackageUsesJasperReports() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.clinval.reports.pdf..", "org.clinval.reports.pms..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("net.sf.jasperreports..", "org.jfree..")
                .check(REPORTS);
    }

    @Test
    void onlyTheWorkbookPackageUsesPoi() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.clinval.reports.xlsx..", "org.clinval.reports.pms..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.poi..")
                .check(REPORTS);
    }
}
