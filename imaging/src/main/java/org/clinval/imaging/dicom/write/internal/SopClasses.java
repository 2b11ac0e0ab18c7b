package org.clinval.imaging.dicom.write.internal;

/** SOP Class UIDs of the objects the suite writes (PS3.4 Annex B). */
public final class SopClasses {

    public static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";
    public static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    public static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
    public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    public static final String OPHTHALMIC_PHOTOGRAPHY_8BIT = "1.2.840.10008.5.1.4.1.1.77.1.5.1";
    public static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    public static final String DX_IMAGE_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";

    private SopClasses() {}
}
