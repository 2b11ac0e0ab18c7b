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
import org.clinval.imaging.dicom.PixelSpacing;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.CaseLoader;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.RejectedInput;

/**
 * Loads a manifest case's DICOM image through the imaging module. Before decoding, the file's
 * SHA-256 is checked against the one recorded at lock time, so a file changed after the lock is
 * never scored. A file that is missing, not DICOM, not an image, not of an accepted modality,
 * multi-frame or without pixel spacing is rejected with a reason that names it by its pseudonymous
 * id, never by its path.
 */
public final class DicomCaseLoader implements CaseLoader {

    private static final long serialVersionUID = 1L;

    private final String root;
    private final Set<String> modalities;

    /**
     * @param root the folder relative manifest paths are resolved against
     * @param modalities the modalities the study accepts, e.g. {@code [CT]}
     */
    public DicomCaseLoader(Path root, List<String> modalities) {
        this.root = root.toAbsolutePath().toString();
        this.modalities = Set.copyOf(modalities);
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
        if (image.frames() != 1 || image.samplesPerPixel() != 1) {
            throw new RejectedInput(
                    id
                            + ": "
                            + image.frames()
                            + " frames of "
                            + image.samplesPerPixel()
                            + " samples, the study expects single-frame grey-scale images");
        }
        PixelSpacing spacing =
                image.geometry()
                        .spacing()
                        .orElseThrow(
                                () ->
                                        new RejectedInput(
                                                id
                                                        + ": no pixel spacing, so sizes in mm are unknown"));
        return new LoadedCase(
                in.caseId(),
                id,
                actual,
                m.manufacturer().orElse(""),
                image.rows(),
                image.columns(),
                spacing.row(),
                spacing.column(),
                image.frame(0));
    }
}
