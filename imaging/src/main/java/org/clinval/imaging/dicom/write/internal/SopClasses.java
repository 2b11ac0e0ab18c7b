package org.clinval.imaging.dicom.write.internal;

/** SOP Class UIDs of the objects the suite writes (PS3.4 Annex B). */
public final class SopClasses {

    public static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";
    public static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    public static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
    public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    private SopClasses() {}
}
