package org.clinval.streaming.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * never scored. A file that is missing, not DICOM, not an image, not of the study's modality,
 * multi-frame or without pixel spacing is rejected with a reason naming it.
 */
public final class DicomCaseLoader implements CaseLoader {

    private static final long serialVersionUID = 1L;

    private final String root;
    private final String modality;

    /**
     * @param root the folder manifest paths are relative to
     * @param modality the modality the study expects, e.g. {@code CT}
     */
    public DicomCaseLoader(Path root, String modality) {
        this.root = root.toAbsolutePath().toString();
        this.modality = modality;
    }

    @Override
    public LoadedCase load(CaseInput in) throws RejectedInput {
        Path file = Path.of(root).resolve(in.file());
        if (!Files.isRegularFile(file)) {
            throw new RejectedInput(in.file() + ": no such file");
        }
        String sha = sha256(file, in.file());
        if (!sha.equals(in.sha256())) {
            throw new RejectedInput(
                    in.file()
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
            throw new RejectedInput(in.file() + ": " + e.getMessage());
        }
        DicomMetadata m = image.metadata();
        String actual = m.modality().orElse("none");
        if (!actual.equals(modality)) {
            throw new RejectedInput(
                    in.file() + ": modality " + actual + ", the study expects " + modality);
        }
        if (image.frames() != 1 || image.samplesPerPixel() != 1) {
            throw new RejectedInput(
                    in.file()
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
                                                in.file()
                                                        + ": no pixel spacing, so sizes in mm are unknown"));
        return new LoadedCase(
                in.caseId(),
                in.file(),
                actual,
                m.manufacturer().orElse(""),
                image.rows(),
                image.columns(),
                spacing.row(),
                spacing.column(),
                image.frame(0));
    }

    private static String sha256(Path file, String name) throws RejectedInput {
        try {
            return org.clinval.common.Sha256.of(file);
        } catch (IOException e) {
            throw new RejectedInput(name + ": cannot be read: " + e.getMessage());
        }
    }
}
