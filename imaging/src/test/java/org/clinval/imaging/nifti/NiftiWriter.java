package org.clinval.imaging.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A minimal NIfTI-1 writer for test fixtures, with knobs to write malformed headers. Voxel values
 * are given in file order (x fastest).
 */
public final class NiftiWriter {

    private final int[] dim;
    private final double[] pixdim;
    private final double[] values;
    private Nifti1.Datatype type;
    private int datatypeCode;
    private int bitpix;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean gzip;
    private int voxOffset = 352;
    private String magic = "n+1\0";
    private int sizeofHdr = 348;
    private float slope;
    private float intercept;
    private int units = 2;
    private int dropBytes;
    private double[][] srow;
    private int sformCode;
    private double[] quatern;
    private int qformCode;
    private float qfac = 1f;

    private NiftiWriter(int[] dim, double[] pixdim, Nifti1.Datatype type, double[] values) {
        this.dim = dim;
        this.pixdim = pixdim;
        this.values = values;
        this.type = type;
        this.datatypeCode = type.code();
        this.bitpix = type.bits();
    }

    /** A file of {@code dim} (x first), spacing {@code pixdim}, {@code values} x fastest. */
    public static NiftiWriter of(
            int[] dim, double[] pixdim, Nifti1.Datatype type, double[] values) {
        return new NiftiWriter(dim.clone(), pixdim.clone(), type, values.clone());
    }

    /** A mask of {@code dim}: voxel (x, y[, z]) is 1 when {@code inside} says so, else 0. */
    public static NiftiWriter mask(
            int[] dim, double[] pixdim, Nifti1.Datatype type, Inside inside) {
        int nz = dim.length > 2 ? dim[2] : 1;
        double[] v = new double[dim[0] * dim[1] * nz];
        int i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < dim[1]; y++) {
                for (int x = 0; x < dim[0]; x++) v[i++] = inside.test(x, y, z) ? 1 : 0;
            }
        }
        return of(dim, pixdim, type, v);
    }

    /** Voxel membership by coordinates; z is 0 in 2D. */
    @FunctionalInterface
    public interface Inside {
        boolean test(int x, int y, int z);
    }

    public NiftiWriter bigEndian() {
        order = ByteOrder.BIG_ENDIAN;
        return this;
    }

    public NiftiWriter gzip() {
        gzip = true;
        return this;
    }

    public NiftiWriter voxOffset(int offset) {
        voxOffset = offset;
        return this;
    }

    public NiftiWriter magic(String m) {
        magic = m;
        return this;
    }

    public NiftiWriter sizeofHdr(int n) {
        sizeofHdr = n;
        return this;
    }

    public NiftiWriter datatypeCode(int code) {
        datatypeCode = code;
        return this;
    }

    public NiftiWriter bitpix(int bits) {
        bitpix = bits;
        return this;
    }

    public NiftiWriter scale(float s, float i) {
        slope = s;
        intercept = i;
        return this;
    }

    public NiftiWriter units(int code) {
        units = code;
        return this;
    }

    /** Sets the sform: {@code srow} is the 3 x 4 voxel-to-world (RAS) matrix. */
    public NiftiWriter sform(int code, double[][] srow) {
        this.sformCode = code;
        this.srow = srow;
        return this;
    }

    /** Sets the qform: quatern_b, c, d and qoffset_x, y, z, with {@code qfac} (pixdim[0]). */
    public NiftiWriter qform(int code, double[] bcdxyz, float qfac) {
        this.qformCode = code;
        this.quatern = bcdxyz;
        this.qfac = qfac;
        return this;
    }

    /** Leaves the last {@code n} bytes of voxel data out. */
    public NiftiWriter truncate(int n) {
        dropBytes = n;
        return this;
    }

    /** Writes the file and returns {@code path}. */
    public Path write(Path path) {
        int bytes = type.bits() / 8;
        int dataOffset = Math.max(voxOffset, 348);
        ByteBuffer b =
                ByteBuffer.allocate(dataOffset + values.length * bytes - dropBytes).order(order);
        b.putInt(0, sizeofHdr);
        b.putShort(40, (short) dim.length);
        for (int i = 0; i < dim.length; i++) b.putShort(42 + 2 * i, (short) dim[i]);
        for (int i = dim.length; i < 7; i++) b.putShort(42 + 2 * i, (short) 1);
        b.putShort(70, (short) datatypeCode);
        b.putShort(72, (short) bitpix);
        b.putFloat(76, qfac);
        b.putShort(252, (short) qformCode);
        b.putShort(254, (short) sformCode);
        if (quatern != null) {
            for (int i = 0; i < 6; i++) b.putFloat(256 + 4 * i, (float) quatern[i]);
        }
        if (srow != null) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) b.putFloat(280 + 16 * r + 4 * c, (float) srow[r][c]);
            }
        }
        for (int i = 0; i < pixdim.length; i++) b.putFloat(80 + 4 * i, (float) pixdim[i]);
        b.putFloat(108, voxOffset);
        b.putFloat(112, slope);
        b.putFloat(116, intercept);
        b.put(123, (byte) units);
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 4 && i < m.length; i++) b.put(344 + i, m[i]);
        for (int i = 348; i < dataOffset; i++) b.put(i, (byte) 0x5A); // extension filler
        int at = dataOffset;
        for (double v : values) {
            if (at + bytes > b.capacity()) break;
            switch (type) {
                case UINT8, INT8 -> b.put(at, (byte) v);
                case INT16, UINT16 -> b.putShort(at, (short) v);
                case INT32 -> b.putInt(at, (int) v);
                case FLOAT32 -> b.putFloat(at, (float) v);
                case FLOAT64 -> b.putDouble(at, v);
            }
            at += bytes;
        }
        try (OutputStream out =
                gzip
                        ? new GZIPOutputStream(Files.newOutputStream(path))
                        : Files.newOutputStream(path)) {
            out.write(b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }
}
