package org.clinval.workflows.service;

import java.nio.file.Path;

/**
 * A written archive.
 *
 * @param archive the archive file
 * @param sha256 its SHA-256
 * @param manifest the checksum manifest of the archived files
 * @param files number of files archived
 */
public record ArchiveResult(Path archive, String sha256, Path manifest, int files) {}
