package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.ByteFrameSource;
import com.pixelmed.dicom.CompressedFrameDecoder;
import com.pixelmed.dicom.DicomException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import org.clinval.imaging.dicom.TransferSyntax;

/**
 * Turns Pixel Data into stored values per frame: native (uncompressed) data directly from the
 * attribute's values, encapsulated data through PixelMed's {@link CompressedFrameDecoder} and the
 * ImageIO codecs on the class path. Any doubt ends in a {@link DecodeFailure}, never in an image
 * that might be wrong.
 */
final class PixelDecoder {

    /** Stored values per frame, interleaved by pixel, and what they now represent. */
    record Decoded(int[][] frames, String photometric) {}

    /** Why Pixel Data could not be decoded (the caller adds the file and transfer syntax). */
    static final class DecodeFailure extends Exception {
        private static final long serialVersionUID = 1L;

        DecodeFailure(String message) {
            super(message);
        }

        DecodeFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PixelDecoder() {}

    static Decoded decode(Attribute pixelData, PixelFormat f, TransferSyntax ts)
            throws DecodeFailure {
        if (f.samplesPerPixel() != 1 && f.samplesPerPixel() != 3) {
            throw new DecodeFailure(
                    "Samples per Pixel " + f.samplesPerPixel() + " is not supported (1 or 3)");
        }
        if (f.bitsAllocated() != 1 && f.bitsAllocated() != 8 && f.bitsAllocated() != 16) {
            throw new DecodeFailure(
                    "Bits Allocated " + f.bitsAllocated() + " is not supported (1, 8 or 16 are)");
        }
        if (f.bitsStored() < 1
                || f.bitsStored() > f.bitsAllocated()
                || f.highBit() < f.bitsStored() - 1
                || f.highBit() >= f.bitsAllocated()) {
            throw new DecodeFailure(
                    "inconsistent Bits Allocated/Bits Stored/High Bit: "
                            + f.bitsAllocated()
                            + "/"
                            + f.bitsStored()
                            + "/"
                            + f.highBit());
        }
        if (f.photometric().equals("PALETTE COLOR")) {
            throw new DecodeFailure("PALETTE COLOR images are not supported");
        }
        if (pixelData instanceof ByteFrameSource source) {
            if (JpegColour.applies(ts.uid(), f)) {
                return JpegColour.decode(source, f);
            }
            if (Jpeg2000.hasFileFormatHeader(source)) {
                throw new DecodeFailure(
                        "the JPEG 2000 frame has a JP2 file header, which DICOM does not allow"
                                + " (PS3.5 A.4.4); refused because decoders differ on its colour"
                                + " transform");
            }
            return encapsulated(source, f, ts);
        }
        if (ts.encapsulated()) {
            throw new DecodeFailure(
                    "Pixel Data of an encapsulated transfer syntax is not in fragments");
        }
        try {
            return NativePixels.decode(pixelData, f);
        } catch (DicomException e) {
            throw new DecodeFailure("cannot read native Pixel Data: " + e.getMessage(), e);
        }
    }

    private static Decoded encapsulated(ByteFrameSource source, PixelFormat f, TransferSyntax ts)
            throws DecodeFailure {
        if (f.bitsAllocated() == 1) {
            throw new DecodeFailure("1-bit Pixel Data cannot be encapsulated");
        }
        String photometric = f.photometric();
        CompressedFrameDecoder decoder;
        try {
            decoder =
                    new CompressedFrameDecoder(
                            ts.uid(),
                            source,
                            f.bitsAllocated() / 8,
                            f.columns(),
                            f.rows(),
                            f.samplesPerPixel(),
                            ColorSpace.getInstance(
                                    f.samplesPerPixel() == 3
                                            ? ColorSpace.CS_sRGB
                                            : ColorSpace.CS_GRAY));
        } catch (DicomException | RuntimeException e) {
            throw new DecodeFailure("no decoder: " + e.getMessage(), e);
        }
        try {
            int[][] frames = new int[f.frames()][];
            for (int i = 0; i < f.frames(); i++) {
                frames[i] = frame(decoder, i, f);
            }
            String decoded =
                    f.samplesPerPixel() == 3
                                    && decoder.getColorSpaceConvertedToRGBDuringDecompression()
                            ? "RGB"
                            : photometric;
            return new Decoded(frames, decoded);
        } finally {
            try {
                decoder.dispose();
            } catch (Throwable e) { // dispose() declares Throwable; nothing left to do
                // ignored: the frames are already decoded
            }
        }
    }

    private static int[] frame(CompressedFrameDecoder decoder, int index, PixelFormat f)
            throws DecodeFailure {
        BufferedImage image;
        try {
            image = decoder.getDecompressedFrameAsBufferedImage(index);
        } catch (DicomException | IOException | RuntimeException e) {
            throw new DecodeFailure(
                    "frame " + (index + 1) + " cannot be decoded: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DecodeFailure("frame " + (index + 1) + ": the codec returned no image");
        }
        Raster r = image.getRaster();
        if (r.getWidth() != f.columns()
                || r.getHeight() != f.rows()
                || r.getNumBands() != f.samplesPerPixel()) {
            throw new DecodeFailure(
                    "frame "
                            + (index + 1)
                            + " decoded to "
                            + r.getWidth()
                            + "x"
                            + r.getHeight()
                            + "x"
                            + r.getNumBands()
                            + ", the header says "
                            + f.columns()
                            + "x"
                            + f.rows()
                            + "x"
                            + f.samplesPerPixel());
        }
        int depth = r.getSampleModel().getSampleSize(0);
        if (depth < f.bitsStored()) {
            throw new DecodeFailure(
                    "frame "
                            + (index + 1)
                            + " decoded to "
                            + depth
                            + "-bit samples, but Bits Stored is "
                            + f.bitsStored());
        }
        int[] px = r.getPixels(0, 0, f.columns(), f.rows(), (int[]) null);
        for (int i = 0; i < px.length; i++) {
            px[i] = f.stored(px[i]);
        }
        return px;
    }
}
