package org.clinval.workflows.investigation;

import java.util.HashMap;
import java.util.Map;
import org.clinval.workflows.delegate.StudyRecords;

/** The beans the investigation process's expressions name, for its engine's configuration. */
public final class InvestigationDelegates {

    private InvestigationDelegates() {}

    /**
     * Returns the bean map of an engine running the investigations of {@code folder}. The steps
     * read and write that folder, the one the engine was opened on, never a path stored in the
     * process: a surveillance folder copied or moved keeps working where it now is.
     */
    public static Map<Object, Object> beans(
            RevalidationRequests revalidation, StudyRecords records, java.nio.file.Path folder) {
        return beans(revalidation, records, () -> folder);
    }

    /**
     * As {@link #beans(RevalidationRequests, StudyRecords, java.nio.file.Path)}, the folder late.
     */
    static Map<Object, Object> beans(
            RevalidationRequests revalidation,
            StudyRecords records,
            java.util.function.Supplier<java.nio.file.Path> folder) {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("investigationSignature", new InvestigationSignature(records, folder));
        beans.put("requestRevalidation", new RequestRevalidation(revalidation, records, folder));
        beans.put("recordClosure", new RecordClosure(records, folder));
        return beans;
    }
}
