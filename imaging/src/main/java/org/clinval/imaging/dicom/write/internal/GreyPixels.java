package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.putDs;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import org.clinval.imaging.dicom.write.GreyImage;

/** The Image Pixel module and VOI window of a grey-scale image, 16 bits allocated, unsigned. */
final class GreyPixels {

    private GreyPixels() {}

    static void put(AttributeList l, GreyImage image) {
        Attrs.put(l, "SamplesPerPixel", 1);
        Attrs.put(
                l,
                "PhotometricInterpretation",
                image.monochrome1() ? "MONOCHROME1" : "MONOCHROME2");
        Attrs.put(l, "Rows", image.rows());
        Attrs.put(l, "Columns", image.columns());
        Attrs.put(l, "BitsAllocated", 16);
        Attrs.put(l, "BitsStored", image.bitsStored());
        Attrs.put(l, "HighBit", image.bitsStored() - 1);
        Attrs.put(l, "PixelRepresentation", 0);
        putDs(l, "WindowCenter", image.windowCenter());
        putDs(l, "WindowWidth", image.windowWidth());
        short[] s = new short[image.stored().length];
        for (int i = 0; i < s.length; i++) s[i] = (short) image.stored()[i];
        OtherWordAttribute a = new OtherWordAttribute(Attrs.tag("PixelData"));
        try {
            a.setValues(s);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode pixel data", e);
        }
        l.put(a);
    }
}
