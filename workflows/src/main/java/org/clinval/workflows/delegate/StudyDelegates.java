package org.clinval.workflows.delegate;

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

    /**
     * Returns the bean map for an engine running studies over {@code services}, keeping records
     * with {@code records}.
     */
    public static Map<Object, Object> beans(StudyServices services, StudyRecords records) {
        Map<Object, Object> beans = new HashMap<>();
        beans.put(
                "registerProtocol",
                new RegisterProtocol(services.inputs(), services.dataset(), records));
        beans.put("lockDataset", new LockDataset(services.dataset(), records));
        beans.put("checkPhi", new CheckPhi(services.phi(), records));
        beans.put("runInference", new RunInference(services.inference(), records));
        beans.put("analyse", new Analyse(services.analysis(), records));
        beans.put(
                "verifyAcceptanceCriteria",
                new VerifyAcceptanceCriteria(services.acceptance(), records));
        beans.put("generateReports", new GenerateReports(services.reports(), records));
        beans.put("archive", new Archive(services.archive(), records));
        beans.put("requireSignature", new RequireSignature(records));
        beans.put("recordOutcome", new RecordOutcome(records));
        return beans;
    }
}
