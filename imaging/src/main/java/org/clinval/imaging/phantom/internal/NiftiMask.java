package org.clinval.imaging.phantom.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a 2D binary mask as a gzipped NIfTI-1 file ({@code .nii.gz}): dim {@code [3, columns,
 * rows, 1]}, unsigned 8-bit, voxel {@code (i, j)} = (column, row), x fastest. The sform maps a
 * voxel to RAS {@code (−i·spacing, −j·spacing, 0)}, i.e. DICOM patient coordinates {@code (i·s,
 * j·s, 0)}: rows down and columns right of an image whose first pixel lies at the origin. The gzip
 * header carries no time stamp, so the same mask gives the same bytes.
 */
public final class NiftiMask {

    private NiftiMask() {}

    /** Writes {@code mask} (row-major) of {@code rows × columns} pixels to {@code file}. */
    public static void write(boolean[] mask, int rows, int columns, double spacingMm, Path file)
            throws IOException {
        if (mask.length != rows * columns) {
            throw new IllegalArgumentException(
                    "mask has " + mask.length + " pixels, not " + rows + " x " + columns);
        }
        ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348);
        short[] dim = {3, (short) columns, (short) rows, 1, 1, 1, 1, 1};
        for (int k = 0; k < 8; k++) h.putShort(40 + 2 * k, dim[k]);
        h.putShort(70, (short) 2); // DT_UINT8
        h.putShort(72, (short) 8);
        float[] pixdim = {1, (float) spacingMm, (float) spacingMm, 1, 1, 1, 1, 1};
        for (int k = 0; k < 8; k++) h.putFloat(76 + 4 * k, pixdim[k]);
        h.putFloat(108, 352); // vox_offset
        h.putFloat(112, 1); // scl_slope
        h.put(123, (byte) 2); // xyzt_units: mm
        h.putShort(252, (short) 0); // qform_code
        h.putShort(254, (short) 2); // sform_code: aligned to another image
        float[][] srow = {
            {(float) -spacingMm, 0, 0, 0}, {0, (float) -spacingMm, 0, 0}, {0, 0, 1, 0}
        };
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) h.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
        }
        byte[] magic = "n+1\0".getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < 4; k++) h.put(344 + k, magic[k]);
        byte[] data = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) data[i] = (byte) (mask[i] ? 1 : 0);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(h.array());
            out.write(data);
        }
    }
}
