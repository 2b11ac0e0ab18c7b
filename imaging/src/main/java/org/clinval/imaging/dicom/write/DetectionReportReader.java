package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DetectionSrDecoder;

/** Reads back what {@link DetectionReportWriter} writes. */
public final class DetectionReportReader {

    private DetectionReportReader() {}

    /**
     * Returns the report of {@code file}.
     *
     * @throws ImagingException naming the file if it is not a Comprehensive 3D SR with the
     *     structure {@link DetectionReportWriter} writes
     */
    public static DetectionReport read(Path file) throws ImagingException {
        return DetectionSrDecoder.decode(file);
    }
}
