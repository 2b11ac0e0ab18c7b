package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.AttributeTag;

/** Tags that Debian's build of PixelMed's {@code TagFromName} lacks. */
final class Tags {

    /** KVP (0018,0060). */
    static final AttributeTag KVP = new AttributeTag(0x0018, 0x0060);

    /** Modality LUT Sequence (0028,3000). */
    static final AttributeTag MODALITY_LUT_SEQUENCE = new AttributeTag(0x0028, 0x3000);

    /** Modality LUT Type (0028,3004). */
    static final AttributeTag MODALITY_LUT_TYPE = new AttributeTag(0x0028, 0x3004);

    private Tags() {}
}
