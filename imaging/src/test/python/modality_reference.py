#!/usr/bin/python3
"""Test reference: model inputs of pydicom's test files computed with pydicom and numpy, outside
the Java code under test.

Usage: /usr/bin/python3 modality_reference.py TEST_FILES OUT_DIR

Writes into OUT_DIR, as little-endian float32 planar arrays (channel-major, then row-major):
  <file>.rgb.f32     colour files: ds.pixel_array converted with
                     pydicom.pixel_data_handlers.util.convert_color_space(arr, PI, "RGB") when the
                     Photometric Interpretation is YBR_FULL or YBR_FULL_422, else as decoded,
                     transposed to (3, rows, columns)
  MR_small.zscore.f32        (v - v.mean()) / v.std() of v = apply_modality_lut(pixel_array), float64
  MR_small.zscore_fg.f32     the same with mean and std over v > FOREGROUND only
  MR_small.percentile.f32    np.clip((v - p1) / (p99 - p1), 0, 1), p = np.percentile(v, [1, 99])
  MR_small.stored.txt        rows, columns, then the stored values (pixel_array), one per line
and reference.csv: file, rows, columns, photometric interpretation as written.
"""
import os
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut, convert_color_space

FOREGROUND = 100.0
COLOUR = [
    "SC_rgb.dcm",
    "SC_rgb_jpeg_dcmd.dcm",
    "SC_rgb_rle.dcm",
    "SC_rgb_small_odd.dcm",
    "SC_ybr_full_422_uncompressed.dcm",
    "SC_rgb_dcmtk_+eb+cy+n1.dcm",
    "SC_rgb_dcmtk_+eb+cy+np.dcm",
    "SC_rgb_jpeg_dcmtk.dcm",
    "ExplVR_BigEnd.dcm",
]


def write(path, arr):
    np.asarray(arr, dtype="<f4").tofile(path)


def main(src, out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "reference.csv"), "w") as fh:
        fh.write("# pydicom %s, numpy %s\n" % (pydicom.__version__, np.__version__))
        fh.write("file,rows,columns,photometric\n")
        for name in COLOUR:
            path = os.path.join(src, name)
            if not os.path.exists(path):
                continue
            ds = pydicom.dcmread(path)
            arr = ds.pixel_array
            pi = ds.PhotometricInterpretation
            if pi in ("YBR_FULL", "YBR_FULL_422"):
                arr = convert_color_space(arr, pi, "RGB")
            write(os.path.join(out, name + ".rgb.f32"), np.transpose(arr, (2, 0, 1)))
            fh.write("%s,%d,%d,%s\n" % (name, ds.Rows, ds.Columns, pi))
    ds = pydicom.dcmread(os.path.join(src, "MR_small.dcm"))
    stored = ds.pixel_array
    v = apply_modality_lut(stored, ds).astype(np.float64)
    write(os.path.join(out, "MR_small.zscore.f32"), (v - v.mean()) / v.std())
    fg = v[v > FOREGROUND]
    write(os.path.join(out, "MR_small.zscore_fg.f32"), (v - fg.mean()) / fg.std())
    p1, p99 = np.percentile(v, [1, 99])
    write(os.path.join(out, "MR_small.percentile.f32"), np.clip((v - p1) / (p99 - p1), 0, 1))
    with open(os.path.join(out, "MR_small.stored.txt"), "w") as fh:
        fh.write("%d\n%d\n" % stored.shape)
        for x in stored.ravel():
            fh.write("%d\n" % x)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
