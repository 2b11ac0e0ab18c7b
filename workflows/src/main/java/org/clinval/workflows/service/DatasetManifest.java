package org.clinval.workflows.service;

import java.nio.file.Path;

/**
 * A written checksum manifest of the study's inputs.
 *
 * @param file the manifest
 * @param sha256 SHA-256 of the manifest itself
 * @param files number of files it lists
 */
public record DatasetManifest(Path file, String sha256, int files) {}
