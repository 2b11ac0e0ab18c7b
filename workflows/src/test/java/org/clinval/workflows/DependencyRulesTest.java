package org.clinval.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Camunda stays behind the facade, the engine package and the delegates: the protocol, analysis,
 * audit, signature, service and local packages are plain Java that the app (which must not import
 * Camunda) and a later engine can use as they are.
 */
@AnalyzeClasses(
        packages = "org.clinval.workflows",
        importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule plainPackagesDoNotUseCamunda =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "..workflows.protocol..",
                            "..workflows.analysis..",
                            "..workflows.audit..",
                            "..workflows.signature..",
                            "..workflows.service..",
                            "..workflows.local..",
                            "..workflows.files..",
                            "..workflows.records..",
                            "..workflows.ledger..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.camunda..");

    @ArchTest
    static final ArchRule theFacadeExposesNoCamundaTypes =
            noClasses()
                    .that()
                    .haveSimpleName("StudyStatus")
                    .or()
                    .haveSimpleName("StudyTask")
                    .or()
                    .haveSimpleName("StudySettings")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.camunda..");
}
