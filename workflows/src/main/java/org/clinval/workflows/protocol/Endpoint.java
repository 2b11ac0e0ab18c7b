package org.clinval.workflows.protocol;

import java.util.List;

/**
 * One endpoint of the study with its acceptance criterion and what it verifies.
 *
 * @param id identifier, e.g. {@code EP1}
 * @param role primary or secondary
 * @param name what the endpoint is, in words
 * @param criterion the acceptance criterion
 * @param requirements IDs of the requirements the endpoint verifies (at least one)
 * @param riskControls IDs of the ISO 14971 risk controls it verifies (possibly none)
 */
public record Endpoint(
        String id,
        EndpointRole role,
        String name,
        Criterion criterion,
        List<String> requirements,
        List<String> riskControls) {

    public Endpoint {
        requirements = List.copyOf(requirements);
        riskControls = List.copyOf(riskControls);
    }
}
