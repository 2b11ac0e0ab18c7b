package org.clinval.imaging.preprocess;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clinval.imaging.dicom.VoiLut;
import org.clinval.imaging.dicom.VoiWindow;

/**
 * What the steps may need to know about an image beyond its values: the DICOM header's modality,
 * photometric interpretation, presentation intent and VOI transforms, and what was already done to
 * the values when the file was read (e.g. {@code MONOCHROME1 inverted}), for provenance.
 *
 * @param modality Modality (0008,0060), if known
 * @param photometric the photometric interpretation of the values as given to the steps: {@code
 *     MONOCHROME2} (also for a MONOCHROME1 file, which is inverted when read) or {@code RGB}
 * @param presentationIntent Presentation Intent Type (0008,0068), e.g. {@code FOR PRESENTATION}
 * @param windows the header's VOI windows, in file order, on the values as given to the steps
 * @param voiLut the header's first VOI LUT table, on the values as given to the steps
 * @param read what was done to the stored values when read, in order (empty when nothing)
 */
public record ImageContext(
        Optional<String> modality,
        String photometric,
        Optional<String> presentationIntent,
        List<VoiWindow> windows,
        Optional<VoiLut> voiLut,
        List<String> read) {

    /** No header: a grey image of unknown origin (phantoms, arrays). */
    public static final ImageContext NONE =
            new ImageContext(
                    Optional.empty(),
                    "MONOCHROME2",
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of());

    /** No header: an RGB image of unknown origin. */
    public static final ImageContext RGB =
            new ImageContext(
                    Optional.empty(),
                    "RGB",
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of());

    public ImageContext {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(photometric, "photometric");
        Objects.requireNonNull(presentationIntent, "presentationIntent");
        Objects.requireNonNull(voiLut, "voiLut");
        windows = List.copyOf(windows);
        read = List.copyOf(read);
    }
}
