package org.clinval.features.service;

import java.io.IOException;
import java.nio.file.Path;
import org.clinval.features.AcceptanceRun;
import org.clinval.workflows.service.AcceptanceResult;
import org.clinval.workflows.service.AcceptanceService;

/**
 * The acceptance step of the study workflow: runs the protocol's feature files over the run folder
 * with {@link AcceptanceRun}, writing Cucumber's reports into the run folder, where the risk check
 * reads {@code cucumber.json}.
 */
public final class CucumberAcceptanceService implements AcceptanceService {

    @Override
    public AcceptanceResult verify(Path runDir, Path features) throws IOException {
        return AcceptanceRun.run(runDir, features, runDir);
    }
}
