package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import org.clinval.imaging.dicom.internal.PixelDecoder.DecodeFailure;
import org.clinval.imaging.dicom.internal.PixelDecoder.Decoded;

/**
 * Native (uncompressed) Pixel Data to stored values (PS3.5 §8.1–8.2): PixelMed has already undone
 * the byte order and any deflate; this unpacks 1-bit data, de-interleaves colour planes, expands
 * YBR_FULL_422 and applies Bits Stored, High Bit and Pixel Representation.
 */
final class NativePixels {

    private NativePixels() {}

    static Decoded decode(Attribute pixelData, PixelFormat f) throws DicomException, DecodeFailure {
        boolean ybr422 = f.photometric().equals("YBR_FULL_422");
        if (ybr422 && (f.bitsAllocated() != 8 || f.samplesPerPixel() != 3)) {
            throw new DecodeFailure("YBR_FULL_422 is supported with 8-bit samples only");
        }
        if (ybr422 && f.columns() % 2 != 0) {
            throw new DecodeFailure("YBR_FULL_422 needs an even number of columns: " + f.columns());
        }
        int perFrame = ybr422 ? f.rows() * f.columns() * 2 : f.valuesPerFrame();
        long needed = (long) perFrame * f.frames();
        int[] raw = raw(pixelData, f.bitsAllocated(), needed);
        if (raw.length < needed) {
            throw new DecodeFailure(
                    "Pixel Data holds "
                            + raw.length
                            + " samples, the header needs "
                            + needed
                            + " (truncated file?)");
        }
        int[][] frames = new int[f.frames()][];
        for (int i = 0; i < f.frames(); i++) {
            int offset = i * perFrame;
            int[] frame;
            if (ybr422) {
                frame = expand422(raw, offset, f.rows() * f.columns());
            } else if (f.samplesPerPixel() == 3 && f.planar()) {
                frame = interleave(raw, offset, f.rows() * f.columns());
            } else {
                frame = new int[perFrame];
                System.arraycopy(raw, offset, frame, 0, perFrame);
            }
            for (int k = 0; k < frame.length; k++) {
                frame[k] = f.stored(frame[k]);
            }
            frames[i] = frame;
        }
        return new Decoded(frames, ybr422 ? "YBR_FULL" : f.photometric());
    }

    /** Unsigned raw samples, as many as the attribute holds (at most {@code needed}). */
    private static int[] raw(Attribute a, int bitsAllocated, long needed)
            throws DicomException, DecodeFailure {
        if (needed > Integer.MAX_VALUE) {
            throw new DecodeFailure("Pixel Data of " + needed + " samples is too large");
        }
        int n = (int) needed;
        if (bitsAllocated == 16) {
            short[] s = a.getShortValues();
            int[] out = new int[Math.min(n, s == null ? 0 : s.length)];
            for (int i = 0; i < out.length; i++) {
                out[i] = s[i] & 0xffff;
            }
            return out;
        }
        byte[] b = bytes(a);
        if (b == null) {
            return new int[0];
        }
        if (bitsAllocated == 8) {
            int[] out = new int[Math.min(n, b.length)];
            for (int i = 0; i < out.length; i++) {
                out[i] = b[i] & 0xff;
            }
            return out;
        }
        // 1 bit: pixels packed without padding between frames, least significant bit first.
        int[] out = new int[(int) Math.min(n, (long) b.length * 8)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (b[i >>> 3] >>> (i & 7)) & 1;
        }
        return out;
    }

    /**
     * The attribute's bytes in pixel order. 8-bit data may be encoded as OW, whose words PixelMed
     * has put in native order: the first pixel is each word's low byte (PS3.5 §8.1.1).
     */
    private static byte[] bytes(Attribute a) throws DicomException {
        if (!"OW".equals(a.getVRAsString())) {
            return a.getByteValues();
        }
        short[] s = a.getShortValues();
        if (s == null) {
            return null;
        }
        byte[] b = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            b[2 * i] = (byte) s[i];
            b[2 * i + 1] = (byte) (s[i] >>> 8);
        }
        return b;
    }

    private static int[] interleave(int[] raw, int offset, int pixels) {
        int[] out = new int[pixels * 3];
        for (int p = 0; p < pixels; p++) {
            out[3 * p] = raw[offset + p];
            out[3 * p + 1] = raw[offset + pixels + p];
            out[3 * p + 2] = raw[offset + 2 * pixels + p];
        }
        return out;
    }

    /** {@code Y1 Y2 Cb Cr} per pair of pixels to {@code Y Cb Cr} per pixel (PS3.3 C.7.6.3.1.2). */
    private static int[] expand422(int[] raw, int offset, int pixels) {
        int[] out = new int[pixels * 3];
        for (int p = 0; p < pixels; p += 2) {
            int base = offset + 2 * p;
            int cb = raw[base + 2];
            int cr = raw[base + 3];
            out[3 * p] = raw[base];
            out[3 * p + 1] = cb;
            out[3 * p + 2] = cr;
            out[3 * p + 3] = raw[base + 1];
            out[3 * p + 4] = cb;
            out[3 * p + 5] = cr;
        }
        return out;
    }
}
