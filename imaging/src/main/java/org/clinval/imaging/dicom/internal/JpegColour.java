package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.ByteFrameSource;
import com.pixelmed.dicom.DicomException;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.clinval.imaging.dicom.internal.PixelDecoder.DecodeFailure;
import org.clinval.imaging.dicom.internal.PixelDecoder.Decoded;

/**
 * Colour JPEG Baseline/Extended frames, decoded to their components without colour conversion.
 *
 * <p>A JPEG stream carries no reliable statement of its colour space (JFIF and Adobe markers are
 * optional, and encoders leave RGB data unmarked); DICOM's Photometric Interpretation is the
 * authority (PS3.5 §8.2.1). ImageIO's {@code read} guesses YCbCr for unmarked 3-component streams
 * and would convert RGB data a second time, so frames are read with {@code readRaster}, which
 * returns the components as coded: RGB stays RGB, YBR_FULL_422 arrives upsampled as YBR_FULL.
 */
final class JpegColour {

    private JpegColour() {}

    static boolean applies(String transferSyntaxUid, PixelFormat f) {
        return f.samplesPerPixel() == 3
                && (transferSyntaxUid.equals("1.2.840.10008.1.2.4.50")
                        || transferSyntaxUid.equals("1.2.840.10008.1.2.4.51"));
    }

    static Decoded decode(ByteFrameSource source, PixelFormat f) throws DecodeFailure {
        int[][] frames = new int[f.frames()][];
        for (int i = 0; i < frames.length; i++) {
            byte[] bytes;
            try {
                bytes = source.getByteValuesForSelectedFrame(i);
            } catch (DicomException e) {
                throw new DecodeFailure(
                        "frame " + (i + 1) + " cannot be read: " + e.getMessage(), e);
            }
            frames[i] = frame(bytes, i, f);
        }
        String photometric = f.photometric().startsWith("YBR_FULL") ? "YBR_FULL" : f.photometric();
        return new Decoded(frames, photometric);
    }

    private static int[] frame(byte[] bytes, int index, PixelFormat f) throws DecodeFailure {
        ImageReader reader = jdkReader();
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            Raster r = reader.readRaster(0, null);
            if (r.getWidth() != f.columns()
                    || r.getHeight() != f.rows()
                    || r.getNumBands() != 3
                    || r.getSampleModel().getSampleSize(0) < f.bitsStored()) {
                throw new DecodeFailure(
                        "frame "
                                + (index + 1)
                                + " decoded to "
                                + r.getWidth()
                                + "x"
                                + r.getHeight()
                                + "x"
                                + r.getNumBands()
                                + " samples of "
                                + r.getSampleModel().getSampleSize(0)
                                + " bits, the header says "
                                + f.columns()
                                + "x"
                                + f.rows()
                                + "x3 of "
                                + f.bitsStored());
            }
            int[] px = r.getPixels(r.getMinX(), r.getMinY(), f.columns(), f.rows(), (int[]) null);
            for (int k = 0; k < px.length; k++) {
                px[k] = f.stored(px[k]);
            }
            return px;
        } catch (IOException | RuntimeException e) {
            throw new DecodeFailure(
                    "frame " + (index + 1) + " cannot be decoded: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** The JDK's own JPEG reader, whose {@code readRaster} does no colour conversion. */
    private static ImageReader jdkReader() throws DecodeFailure {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
                return r;
            }
            r.dispose();
        }
        throw new DecodeFailure("the JDK's JPEG reader is not available");
    }
}
