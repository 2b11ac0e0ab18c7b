package org.clinval.workflows.investigation;

import java.util.HashMap;
import java.util.Map;
import org.clinval.workflows.delegate.StudyRecords;

/** The beans the investigation process's expressions name, for its engine's configuration. */
public final class InvestigationDelegates {

    private InvestigationDelegates() {}

    /** Returns the bean map of an engine running investigations. */
    public static Map<Object, Object> beans(
            RevalidationRequests revalidation, StudyRecords records) {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("investigationSignature", new InvestigationSignature(records));
        beans.put("requestRevalidation", new RequestRevalidation(revalidation, records));
        beans.put("recordClosure", new RecordClosure(records));
        return beans;
    }
}
