package org.clinval.workflows.pccp;

import java.util.List;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.paired.PairedMeasure;

/**
 * A predetermined change control plan's re-validation endpoints.
 *
 * @param id the plan's document id
 * @param title its title, empty when not given
 * @param endpoints the endpoints, in the plan's order
 * @param subgroups columns of {@code case-results.csv} to compare in, per value
 * @param level the two-sided confidence level
 * @param sha256 SHA-256 of the plan file as read
 * @param file the plan file as messages name it
 */
public record PccpPlan(
        String id,
        String title,
        List<Endpoint> endpoints,
        List<String> subgroups,
        ConfidenceLevel level,
        String sha256,
        String file) {

    public PccpPlan {
        endpoints = List.copyOf(endpoints);
        subgroups = List.copyOf(subgroups);
    }

    /**
     * One endpoint of the plan.
     *
     * @param id the endpoint's id
     * @param measure what is compared
     * @param margin the non-inferiority margin
     * @param line the line of the endpoint in the plan, for messages
     */
    public record Endpoint(String id, PairedMeasure measure, double margin, int line) {}
}
