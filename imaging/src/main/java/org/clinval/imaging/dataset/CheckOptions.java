package org.clinval.imaging.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clinval.imaging.dicom.DicomImage;

/**
 * What a study accepts of an image.
 *
 * @param modalities the DICOM modalities accepted, e.g. {@code [CT]}
 * @param allowBurnedIn whether images flagged with burned-in annotation may be used
 * @param imageCheck a further check of a decoded image, e.g. that the model's preprocessing brings
 *     it to the model's input size; returns the problem, or empty when the image is fine
 */
public record CheckOptions(Set<String> modalities, boolean allowBurnedIn, ImageCheck imageCheck) {

    /** A check of a decoded image. */
    @FunctionalInterface
    public interface ImageCheck {
        /**
         * Returns what is wrong with {@code image}, read from {@code file}, or empty. The problem
         * must not quote the file's name.
         */
        Optional<String> problem(Path file, DicomImage image);

        /** Returns a check that runs this one, then {@code next} if this one found nothing. */
        default ImageCheck and(ImageCheck next) {
            return (file, image) -> {
                Optional<String> p = problem(file, image);
                return p.isPresent() ? p : next.problem(file, image);
            };
        }
    }

    public CheckOptions {
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("no modality is accepted: list at least one");
        }
        modalities = Set.copyOf(new TreeSet<>(modalities));
    }

    /** Accepts {@code modalities}, refuses burned-in annotation, no further image check. */
    public static CheckOptions of(List<String> modalities) {
        return new CheckOptions(Set.copyOf(modalities), false, (file, image) -> Optional.empty());
    }

    /** Returns these options with {@code check} as the further image check. */
    public CheckOptions withImageCheck(ImageCheck check) {
        return new CheckOptions(modalities, allowBurnedIn, check);
    }

    /** Returns these options allowing or refusing burned-in annotation. */
    public CheckOptions withBurnedIn(boolean allowed) {
        return new CheckOptions(modalities, allowed, imageCheck);
    }
}
