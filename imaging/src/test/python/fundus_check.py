#!/usr/bin/python3
"""Independent reading of a fundus phantom study: pydicom for the images, gzip + numpy for the
NIfTI-1 masks (header parsed by hand from the NIfTI-1 layout), csv for the grades.

Usage: /usr/bin/python3 fundus_check.py ROOT
Prints JSON {"cases": [{case_id, modality, shape, mask_shape, mask_pixels, patient_name,
adjudicated}]}.
"""
import csv
import gzip
import json
import os
import struct
import sys

import numpy as np
import pydicom


def mask(path):
    raw = gzip.open(path).read()
    dim = struct.unpack("<8h", raw[40:56])
    offset = int(struct.unpack("<f", raw[108:112])[0])
    data = np.frombuffer(raw[offset:], dtype=np.uint8)
    # x (column) fastest: reshape to (rows, columns)
    return data.reshape(dim[2], dim[1])


def main(root):
    out = []
    with open(os.path.join(root, "truth", "ground-truth.csv")) as f:
        for row in csv.DictReader(f):
            cid = row["case_id"]
            ds = pydicom.dcmread(os.path.join(root, "dicom", cid, "IM001.dcm"))
            m = mask(os.path.join(root, "truth", "masks", cid + ".nii.gz"))
            out.append({
                "case_id": cid,
                "modality": str(ds.Modality),
                "shape": list(ds.pixel_array.shape),
                "mask_shape": list(m.shape),
                "mask_pixels": int(m.sum()),
                "patient_name": str(ds.PatientName),
                "adjudicated": row["adjudicated"],
            })
    print(json.dumps({"pydicom": pydicom.__version__, "cases": out}))


if __name__ == "__main__":
    main(sys.argv[1])
