package org.clinval.imaging.dataset;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.clinval.imaging.dicom.DicomMetadata;

/**
 * The verdict on one file of a study's image folder.
 *
 * @param relative the file's path relative to the image folder (an input name: may be PHI, never
 *     for an output)
 * @param size its size in bytes
 * @param sha256 SHA-256 of its bytes
 * @param status what the study does with it
 * @param reason why it is ignored, bad or a duplicate, without the file's name (empty for an image)
 * @param metadata the DICOM header, when it could be read
 * @param duplicateOf for a duplicate, the file (relative to the image folder) it repeats
 */
public record FileCheck(
        Path relative,
        long size,
        String sha256,
        FileStatus status,
        String reason,
        Optional<DicomMetadata> metadata,
        Optional<Path> duplicateOf) {

    public FileCheck {
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
    }

    /** Returns this check with another status and reason. */
    FileCheck with(FileStatus newStatus, String newReason) {
        return new FileCheck(relative, size, sha256, newStatus, newReason, metadata, duplicateOf);
    }

    /** Returns this check marked as repeating {@code first}. */
    FileCheck duplicateOf(Path first, FileStatus newStatus, String newReason) {
        return new FileCheck(
                relative, size, sha256, newStatus, newReason, metadata, Optional.of(first));
    }

    /** Returns the SOP Instance UID, when the header has one. */
    public Optional<String> sopInstanceUid() {
        return metadata.map(DicomMetadata::sopInstanceUid).filter(u -> !u.isBlank());
    }
}
