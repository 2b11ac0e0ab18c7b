package org.clinval.workflows.delegate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.clinval.workflows.service.StudyServices;

/**
 * The beans the process's expressions name ({@code ${lockDataset}} and so on), each step built over
 * its one service. The engine is configured with this map: it is the registry through which the
 * process reaches the services.
 */
public final class StudyDelegates {

    private StudyDelegates() {}

    /** Returns the bean map for an engine running studies over {@code services}. */
    public static Map<Object, Object> beans(StudyServices services, Clock clock) {
        Map<Object, Object> beans = new HashMap<>();
        beans.put(
                "registerProtocol",
                new RegisterProtocol(services.inputs(), services.dataset(), clock));
        beans.put("lockDataset", new LockDataset(services.inputs(), services.dataset(), clock));
        beans.put("checkPhi", new CheckPhi(services.phi(), clock));
        beans.put("runInference", new RunInference(services.inference(), clock));
        beans.put("analyse", new Analyse(services.analysis(), clock));
        beans.put(
                "verifyAcceptanceCriteria",
                new VerifyAcceptanceCriteria(services.acceptance(), clock));
        beans.put("generateReports", new GenerateReports(services.reports(), clock));
        beans.put("archive", new Archive(services.archive(), clock));
        beans.put("requireSignature", new RequireSignature(clock));
        beans.put("recordOutcome", new RecordOutcome(clock));
        return beans;
    }
}
