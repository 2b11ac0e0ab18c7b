package org.clinval.streaming.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clinval.common.Sha256;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.model.DicomSlices;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.CaseLoader;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.RejectedInput;

/**
 * Loads a manifest case's DICOM image through the imaging module. Before decoding, the file's
 * SHA-256 is checked against the one recorded at lock time, so a file changed after the lock is
 * never scored. The image is read as {@link DicomSlices} reads a model input: grey after the
 * modality LUT (MONOCHROME1 inverted to its MONOCHROME2 equivalent) or colour as R, G, B planes. A
 * file that is missing, not DICOM, not an image, not of an accepted modality, multi-frame, of a
 * colour space that is not converted, or without pixel spacing when it is required is rejected with
 * a reason that names it by its pseudonymous id, never by its path.
 */
public final class DicomCaseLoader implements CaseLoader {

    private static final long serialVersionUID = 1L;

    private final String root;
    private final Set<String> modalities;
    private final boolean spacingRequired;

    /**
     * A loader that requires Pixel Spacing (a segmentation study's areas need it).
     *
     * @param root the folder relative manifest paths are resolved against
     * @param modalities the modalities the study accepts, e.g. {@code [CT]}
     */
    public DicomCaseLoader(Path root, List<String> modalities) {
        this(root, modalities, true);
    }

    /**
     * @param root the folder relative manifest paths are resolved against
     * @param modalities the modalities the study accepts, e.g. {@code [CT]}
     * @param spacingRequired whether an image without Pixel Spacing is rejected (false for a
     *     classification or grading model, which needs no sizes)
     */
    public DicomCaseLoader(Path root, List<String> modalities, boolean spacingRequired) {
        this.root = root.toAbsolutePath().toString();
        this.modalities = Set.copyOf(modalities);
        this.spacingRequired = spacingRequired;
    }

    @Override
    public LoadedCase load(CaseInput in) throws RejectedInput {
        Path file = Path.of(root).resolve(in.file());
        String id = in.fileId();
        if (!Files.isRegularFile(file)) {
            throw new RejectedInput(id + ": the file is gone");
        }
        String sha;
        try {
            sha = Sha256.of(file);
        } catch (IOException e) {
            throw new RejectedInput(id + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!sha.equals(in.sha256())) {
            throw new RejectedInput(
                    id
                            + ": changed since the dataset was locked (SHA-256 "
                            + sha
                            + ", locked "
                            + in.sha256()
                            + ")");
        }
        DicomImage image;
        try {
            image = DicomReader.read(file);
        } catch (DicomReadException e) {
            throw new RejectedInput(id + ": " + e.what());
        }
        DicomMetadata m = image.metadata();
        String actual = m.modality().orElse("none");
        if (!modalities.contains(actual)) {
            throw new RejectedInput(
                    id
                            + ": modality "
                            + actual
                            + "; the protocol accepts "
                            + String.join(", ", new java.util.TreeSet<>(modalities)));
        }
        ImageSlice slice;
        try {
            slice = DicomSlices.of(image, spacingRequired);
        } catch (DicomReadException e) {
            throw new RejectedInput(id + ": " + e.what());
        }
        return LoadedCase.of(in.caseId(), id, actual, m.manufacturer().orElse(""), slice);
    }
}
