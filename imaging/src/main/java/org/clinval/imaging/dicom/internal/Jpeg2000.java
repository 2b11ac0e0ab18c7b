package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.ByteFrameSource;
import com.pixelmed.dicom.DicomException;

/** JPEG 2000 frame checks. */
final class Jpeg2000 {

    /** The JP2 signature box that starts a JPEG 2000 file (ISO/IEC 15444-1 I.5.1). */
    private static final byte[] JP2_SIGNATURE = {
        0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0d, 0x0a, (byte) 0x87, 0x0a
    };

    private Jpeg2000() {}

    /** Whether the first frame starts with a JP2 file header rather than a bare codestream. */
    static boolean hasFileFormatHeader(ByteFrameSource source) {
        byte[] b;
        try {
            b = source.getByteValuesForSelectedFrame(0);
        } catch (DicomException e) {
            return false; // the decoder will report it
        }
        if (b == null || b.length < JP2_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < JP2_SIGNATURE.length; i++) {
            if (b[i] != JP2_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
