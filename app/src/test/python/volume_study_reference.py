#!/usr/bin/python3
"""Independent recomputation of a segmentation or detection study's per-case results.

Usage (from anywhere):
  /usr/bin/python3 volume_study_reference.py segmentation RUN_DIR IMAGES_DIR REFERENCE_SEG_DIR CASE_KEY TOLERANCE_MM
  /usr/bin/python3 volume_study_reference.py detection RUN_DIR

Segmentation: for every case of RUN_DIR/case-results.csv, the predicted mask is read back from the
DICOM SEG the study wrote (RUN_DIR/results/seg/<case>.dcm) and the reference from the study's input
SEG (REFERENCE_SEG_DIR/<case folder>.dcm, the union of its segments), both with pydicom, placed on
the source series' grid by each frame's ImagePositionPatient (slices sorted along the normal of
ImageOrientationPatient, spacing from PixelSpacing and the position differences), and compared
with validation/src/test/python/segmentation_reference.py's metrics() (MONAI's definitions over
scipy.ndimage). CASE_KEY maps the pseudonyms to the case folders. Prints one JSON object per case.

Detection: the FROC and CPM of RUN_DIR/candidates.csv against RUN_DIR/lesions.csv over the scans
of case-results.csv, with validation/src/test/python/froc_reference.py's LUNA16 implementation.
Prints one JSON object.
"""
import csv
import json
import os
import sys

import numpy as np
import pydicom

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "validation", "src", "test", "python")))
import segmentation_reference as seg_ref  # noqa: E402
import froc_reference as froc_ref  # noqa: E402


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def series_grid(folder):
    slices = []
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        try:
            ds = pydicom.dcmread(p, stop_before_pixels=True)
        except Exception:
            continue
        if "ImagePositionPatient" not in ds or "Rows" not in ds:
            continue
        slices.append(ds)
    o = np.array([float(x) for x in slices[0].ImageOrientationPatient])
    normal = np.cross(o[:3], o[3:])
    pos = [np.array([float(x) for x in s.ImagePositionPatient]) for s in slices]
    d = sorted(float(np.dot(p, normal)) for p in pos)
    step = float(np.median(np.diff(d)))
    ps = [float(x) for x in slices[0].PixelSpacing]
    shape = (len(d), int(slices[0].Rows), int(slices[0].Columns))
    return shape, (step, ps[0], ps[1]), normal, d


def place(seg_file, shape, normal, d):
    mask = np.zeros(shape, dtype=bool)
    if seg_file is None or not os.path.exists(seg_file):
        return mask
    ds = pydicom.dcmread(seg_file)
    frames = ds.pixel_array.astype(bool)
    if frames.ndim == 2:
        frames = frames[None]
    for k, fg in enumerate(ds.PerFrameFunctionalGroupsSequence):
        p = np.array([float(x) for x in fg.PlanePositionSequence[0].ImagePositionPatient])
        z = float(np.dot(p, normal))
        s = int(np.argmin([abs(z - x) for x in d]))
        if abs(d[s] - z) > 1e-3:
            raise SystemExit("%s: frame %d at %.4f lies on no slice" % (seg_file, k + 1, z))
        mask[s] |= frames[k]
    return mask


def segmentation(run, images, references, key_file, tol):
    key = {r["case_id"]: r["source"].split("/")[0] for r in rows(key_file)}
    out = []
    for r in rows(os.path.join(run, "case-results.csv")):
        case = r["case_id"]
        folder = key[case]
        shape, spacing, normal, d = series_grid(os.path.join(images, folder))
        pred = place(os.path.join(run, "results", "seg", case + ".dcm"), shape, normal, d)
        ref = place(os.path.join(references, folder + ".dcm"), shape, normal, d)
        m = seg_ref.metrics(pred, ref, spacing, tol)
        out.append({"case_id": case, "dice": m["dice"], "iou": m["iou"], "hd": m["hd"],
                    "hd95": m["hd95"], "hd95_pooled": m["hd95_pooled"], "assd": m["assd"],
                    "surface_dice": m["surface_dice"], "reference_voxels": int(ref.sum()),
                    "predicted_voxels": int(pred.sum())})
    for o in out:
        print(json.dumps({k: (None if v is None else (float(v) if not isinstance(v, str) else v))
                          for k, v in o.items()}))


THRESHOLD = 0.5


def detection(run):
    scans = [r["case_id"] for r in rows(os.path.join(run, "case-results.csv"))]
    cands = [(c["case_id"], float(c["x"]), float(c["y"]), float(c["z"]), float(c["score"]))
             for c in rows(os.path.join(run, "candidates.csv"))]
    lesions = [(l["case_id"], float(l["x"]), float(l["y"]), float(l["z"]), float(l["radius"]))
               for l in rows(os.path.join(run, "lesions.csv"))]
    matched = froc_ref.match(cands, lesions)
    at, tp, fp, n_lesions = froc_ref.analyse(matched, len(scans), froc_ref.RATES)
    # Per scan at the operating threshold (THRESHOLD, score >= it): hits and false positives by
    # the same matching, from only the candidates at or above it.
    per_scan = {}
    for sid in scans:
        accepted = [c for c in cands if c[0] == sid and c[4] >= THRESHOLD]
        own = [l for l in lesions if l[0] == sid]
        m = froc_ref.match(accepted, own).get(sid, (np.array([]), np.array([]), len(own)))
        per_scan[sid] = {"lesions": len(own), "hits": int(len(m[0])), "false_positives": int(len(m[1]))}
    print(json.dumps({"sensitivities": [float(x) for x in at], "cpm": float(np.mean(at)),
                      "lesions": int(n_lesions), "scans": len(scans), "per_scan": per_scan}))


if __name__ == "__main__":
    if sys.argv[1] == "segmentation":
        segmentation(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6]))
    else:
        detection(sys.argv[2])
