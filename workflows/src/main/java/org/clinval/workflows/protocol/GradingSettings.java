package org.clinval.workflows.protocol;

import java.util.List;
import java.util.Optional;
import org.clinval.common.grading.GradeReference;
import org.clinval.common.grading.GradeScale;

/**
 * The protocol's {@code grading} block: the ordered grade scale, how the reference grade is formed
 * from the ground truth's grade columns, and the binary endpoints of the scale. The first endpoint
 * is the case-level table (label, score, prediction of the case results).
 *
 * @param scale the grades, lowest first (key {@code grades}); must equal the model's grades
 * @param reference the reference rule and its columns (key {@code reference})
 * @param endpoints the binary endpoints, at least one (key {@code endpoints})
 */
public record GradingSettings(
        GradeScale scale, GradeReference reference, List<GradingEndpoint> endpoints) {

    public GradingSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("grading needs at least one endpoint");
        }
        for (GradingEndpoint e : endpoints) {
            if (e.minGrade() >= scale.size()) {
                throw new IllegalArgumentException(
                        "grading endpoint " + e.id() + ": min_grade is beyond the scale");
            }
        }
    }

    /** Returns the endpoint whose cut is the case-level table. */
    public GradingEndpoint caseLevel() {
        return endpoints.get(0);
    }

    /** Returns the endpoint {@code id}, if there is one. */
    public Optional<GradingEndpoint> endpoint(String id) {
        return endpoints.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
