package org.clinval.workflows.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated study protocol. Paths are absolute, resolved against the protocol's folder.
 *
 * @param file the protocol file it was read from
 * @param id study identifier, usable in file names
 * @param title the study's title
 * @param intendedUse the intended use the study supports
 * @param device the device under test
 * @param dataset the test set
 * @param operatingPoint threshold, rule, positive class, direction
 * @param endpoints primary and secondary endpoints, at least one primary
 * @param subgroups the subgroup analysis
 * @param statistics methods of the tables and the bootstrap
 * @param features folder of Gherkin acceptance criteria, if any
 * @param separationOfDuties who may sign what
 */
public record StudyProtocol(
        Path file,
        String id,
        String title,
        String intendedUse,
        Device device,
        Dataset dataset,
        OperatingPoint operatingPoint,
        List<Endpoint> endpoints,
        Subgroups subgroups,
        StatisticalMethods statistics,
        Optional<Path> features,
        SeparationOfDuties separationOfDuties) {

    public StudyProtocol {
        endpoints = List.copyOf(endpoints);
    }

    /** Returns the primary endpoints. */
    public List<Endpoint> primaryEndpoints() {
        return endpoints.stream().filter(e -> e.role() == EndpointRole.PRIMARY).toList();
    }
}
