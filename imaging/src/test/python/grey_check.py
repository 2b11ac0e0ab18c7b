#!/usr/bin/python3
"""Independent reading of an MR or DX phantom study with pydicom and numpy.

Usage: /usr/bin/python3 grey_check.py ROOT
Prints JSON {"cases": [{case_id, modality, photometric, shape, median_foreground, sum,
mask_pixels}]}: median_foreground is the median stored value above 5 % of the maximum (MR: the
head), sum the sum of all stored values, mask_pixels the lesion mask's pixel count (gzip + numpy,
the NIfTI-1 header read by hand).
"""
import csv
import gzip
import json
import os
import struct
import sys

import numpy as np
import pydicom


def mask_pixels(path):
    raw = gzip.open(path).read()
    offset = int(struct.unpack("<f", raw[108:112])[0])
    return int(np.frombuffer(raw[offset:], dtype=np.uint8).sum())


def main(root):
    out = []
    with open(os.path.join(root, "truth", "ground-truth.csv")) as f:
        for row in csv.DictReader(f):
            cid = row["case_id"]
            ds = pydicom.dcmread(os.path.join(root, "dicom", cid, "IM001.dcm"))
            a = ds.pixel_array.astype(np.int64)
            fg = a[a > 0.05 * a.max()]
            out.append({
                "case_id": cid,
                "site": row["site"],
                "modality": str(ds.Modality),
                "photometric": str(ds.PhotometricInterpretation),
                "shape": list(a.shape),
                "median_foreground": float(np.median(fg)),
                "sum": int(a.sum()),
                "mask_pixels": mask_pixels(os.path.join(root, "truth", "masks", cid + ".nii.gz")),
                "label": row["label"],
            })
    print(json.dumps({"pydicom": pydicom.__version__, "cases": out}))


if __name__ == "__main__":
    main(sys.argv[1])
