package org.clinval.workflows.investigation;

import java.util.List;

/**
 * What the application does when an investigation decides {@link Decision#REVALIDATION}: e.g. start
 * a validation study on the cases of the alarm window. Called inside the completion of the
 * decision: an exception refuses the completion, which can be repeated once its cause is fixed.
 */
@FunctionalInterface
public interface RevalidationRequests {

    /**
     * A revalidation asked for by an investigation.
     *
     * @param investigationId the investigation, e.g. {@code INV-0001}
     * @param alarmIds the alarms it holds, in the order they came
     * @param stratum the stratum of the alarms, e.g. {@code site=A}
     * @param metric the metric of the alarms, e.g. {@code sensitivity}
     * @param windowStart the earliest start of the alarms' windows (inclusive)
     * @param windowEnd the latest end of the alarms' windows (exclusive)
     */
    record Request(
            String investigationId,
            List<String> alarmIds,
            String stratum,
            String metric,
            String windowStart,
            String windowEnd) {

        public Request {
            alarmIds = List.copyOf(alarmIds);
        }
    }

    /** Asks for the revalidation. */
    void request(Request request);

    /** Asks for nothing (for callers that start revalidations another way). */
    static RevalidationRequests none() {
        return r -> {};
    }
}
