#!/usr/bin/python3
"""CT-like slices for DicomDecodeBenchmark, made from Debian's pydicom test file CT_small.dcm.

Usage: /usr/bin/python3 make_bench_slices.py OUT_DIR N

Writes N 512x512 16-bit signed CT slices (CT_small.dcm's 128x128 pixels upsampled 4x4, each
slice shifted by its index so no two are equal, 1.25 mm apart) three times:
OUT_DIR/native (Explicit VR Little Endian, by pydicom), OUT_DIR/rle (RLE Lossless, by DCMTK's
dcmcrle) and OUT_DIR/j2k (JPEG 2000 Lossless, by GDCM's ImageChangeTransferSyntax).
"""
import os
import subprocess
import sys

import gdcm
import numpy as np
import pydicom
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SRC = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"


def main(out, n):
    base = pydicom.dcmread(SRC)
    pixels = np.kron(base.pixel_array, np.ones((4, 4), dtype=base.pixel_array.dtype))
    series = generate_uid()
    for kind in ("native", "rle", "j2k"):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    for i in range(n):
        ds = pydicom.dcmread(SRC)
        ds.Rows, ds.Columns = pixels.shape
        ds.PixelSpacing = [v / 4 for v in base.PixelSpacing]
        ds.PixelData = (pixels + (i % 50)).astype("<i2").tobytes()
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SeriesInstanceUID = series
        ds.ImagePositionPatient = [base.ImagePositionPatient[0], base.ImagePositionPatient[1],
                                   1.25 * i]
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.is_little_endian, ds.is_implicit_VR = True, False
        native = os.path.join(out, "native", "%04d.dcm" % i)
        ds.save_as(native, write_like_original=False)
        subprocess.run(["dcmcrle", "--quiet", native, os.path.join(out, "rle", "%04d.dcm" % i)],
                       check=True)
        j2k(native, os.path.join(out, "j2k", "%04d.dcm" % i))


def j2k(src, dst):
    reader = gdcm.ImageReader()
    reader.SetFileName(src)
    if not reader.Read():
        raise RuntimeError("GDCM cannot read " + src)
    change = gdcm.ImageChangeTransferSyntax()
    change.SetTransferSyntax(gdcm.TransferSyntax(gdcm.TransferSyntax.JPEG2000Lossless))
    change.SetInput(reader.GetImage())
    if not change.Change():
        raise RuntimeError("GDCM cannot compress " + src)
    writer = gdcm.ImageWriter()
    writer.SetFileName(dst)
    writer.SetFile(reader.GetFile())
    writer.SetImage(change.GetOutput())
    if not writer.Write():
        raise RuntimeError("GDCM cannot write " + dst)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
