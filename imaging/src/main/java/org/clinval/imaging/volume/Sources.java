package org.clinval.imaging.volume;

import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.SourceFrame;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.volume.internal.Redact;

/** The source series of a volume's derived objects, in the volume's slice order. */
final class Sources {

    private Sources() {}

    /**
     * Reads the headers of the volume's files into a {@link SourceSeries} whose frames are in slice
     * order.
     *
     * @throws VolumeException naming the volume if a header lacks what a derived object needs
     *     (frame of reference, slice thickness)
     */
    static SourceSeries of(SeriesVolume v) throws VolumeException {
        SourceSeries s;
        try {
            s = SourceSeries.read(v.files());
        } catch (ImagingException e) {
            throw new VolumeException(
                    v.name(),
                    "its images cannot be the source of a derived object: "
                            + Redact.paths(e.getMessage(), v.files()),
                    e);
        }
        List<SourceFrame> ordered = new ArrayList<>();
        for (String uid : v.sopInstanceUids()) {
            int i = s.indexOf(uid);
            if (i < 0) {
                throw new VolumeException(
                        v.name(), "a slice's SOP Instance UID is not among its sources' headers");
            }
            ordered.add(s.frames().get(i));
        }
        return new SourceSeries(
                s.studyInstanceUid(), s.seriesInstanceUid(), s.frameOfReferenceUid(), ordered);
    }
}
