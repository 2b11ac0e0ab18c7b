package org.clinval.app.pms;

import java.nio.file.Path;
import org.clinval.workflows.investigation.RevalidationRequests;

/** What the surveillance commands give the investigation process. */
public final class PmsHooks {

    private PmsHooks() {}

    /** The hook a "re-validation" decision calls: drafts the study of the alarm window's cases. */
    public static RevalidationRequests revalidation(Path out) {
        return new RevalidationDraft(out);
    }
}
