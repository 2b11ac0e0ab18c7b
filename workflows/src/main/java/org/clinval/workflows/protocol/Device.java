package org.clinval.workflows.protocol;

import java.nio.file.Path;

/**
 * The device under test.
 *
 * @param name product name
 * @param version version under test
 * @param model the model descriptor file
 * @param sha256 the SHA-256 the descriptor must have, lower-case hex
 */
public record Device(String name, String version, Path model, String sha256) {}
