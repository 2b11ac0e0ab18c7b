package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs a study's acceptance criteria, written as Gherkin feature files, over its finished run
 * folder. The implementation lives in the features module (Cucumber); the process only sees the
 * outcome per scenario.
 */
public interface AcceptanceService {

    /** The Cucumber JSON report's file name in the run folder (read by the risk check). */
    String CUCUMBER_JSON = "cucumber.json";

    /** The Cucumber HTML report's file name in the run folder. */
    String CUCUMBER_HTML = "cucumber-report.html";

    /**
     * Runs every scenario of the feature files below {@code features} over the run in {@code
     * runDir} and writes {@value #CUCUMBER_JSON} and {@value #CUCUMBER_HTML} into {@code runDir}. A
     * failing scenario is an outcome, not an exception.
     *
     * @throws IOException if a folder cannot be read, a feature file cannot be parsed or a report
     *     cannot be written
     */
    AcceptanceResult verify(Path runDir, Path features) throws IOException;
}
