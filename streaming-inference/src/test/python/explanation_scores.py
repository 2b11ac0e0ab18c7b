"""Independent pointing-game and energy-in-mask scores of a study's written explanation maps.

Usage: python3 explanation_scores.py EXPLANATIONS.csv EXPLANATIONS_DIR MASKS.csv TOLERANCE_PX
MASKS.csv: case_id,mask (the lesion mask file of each case: DICOM SEG or NIfTI-1, or empty).
Reads each case's map.npy (numpy) and its mask file (pydicom for SEG: every frame's pixels OR-ed,
the study images being single slices; numpy for NIfTI-1: x fastest, so [row, column] = [y, x]);
prints one JSON object per case: case_id, pointing_hit (1/0/null), energy_in_mask (or null),
peak_row, peak_column, lesion_pixels, and the overlay's SOP Class UID, rows and columns.
"""
import csv
import gzip
import json
import struct
import sys

import numpy as np
import pydicom


def seg_mask(path, shape):
    ds = pydicom.dcmread(path)
    frames = ds.pixel_array.reshape((-1,) + shape)
    return frames.any(axis=0)


def nifti_mask(path, shape):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    dim = struct.unpack("<8h", raw[40:56])
    datatype, bitpix = struct.unpack("<2h", raw[70:74])
    vox_offset = int(struct.unpack("<f", raw[108:112])[0])
    dtypes = {2: "<u1", 4: "<i2", 8: "<i4", 16: "<f4", 64: "<f8", 256: "<i1", 512: "<u2"}
    nx, ny = dim[1], dim[2]
    data = np.frombuffer(raw, dtype=dtypes[datatype], count=nx * ny, offset=vox_offset)
    m = data.reshape(ny, nx) != 0
    assert m.shape == shape, (m.shape, shape)
    return m


def main():
    rows = list(csv.DictReader(open(sys.argv[1], newline="")))
    out_dir = sys.argv[2]
    masks = {r["case_id"]: r["mask"] for r in csv.DictReader(open(sys.argv[3], newline=""))}
    tol = int(sys.argv[4])
    for r in rows:
        if r["problem"]:
            continue
        m = np.load(f"{out_dir}/{r['folder']}/map.npy").astype(np.float64)
        shape = m.shape
        path = masks.get(r["case_id"], "")
        if not path:
            lesion = np.zeros(shape, dtype=bool)
        elif path.endswith(".dcm"):
            lesion = seg_mask(path, shape)
        else:
            lesion = nifti_mask(path, shape)
        flat = int(np.argmax(m))  # the first largest value, row-major
        pr, pc = divmod(flat, shape[1])
        pos = np.maximum(m, 0)
        hit = energy = None
        if lesion.any():
            yy, xx = np.nonzero(lesion)
            near = np.any((yy - pr) ** 2 + (xx - pc) ** 2 <= tol * tol)
            hit = 1 if (m[pr, pc] > 0 and near) else 0
            total = pos.sum()
            energy = float(pos[lesion].sum() / total) if total > 0 else None
        sc = pydicom.dcmread(f"{out_dir}/{r['folder']}/overlay.dcm")
        print(json.dumps({
            "case_id": r["case_id"], "pointing_hit": hit, "energy_in_mask": energy,
            "peak_row": pr, "peak_column": pc, "lesion_pixels": int(lesion.sum()),
            "sop_class": str(sc.SOPClassUID), "rows": int(sc.Rows), "columns": int(sc.Columns),
        }))


main()
