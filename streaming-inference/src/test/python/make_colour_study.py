"""Writes a small colour photograph study: OUT/images/case-000k/photo.dcm (Ophthalmic Photography 8 Bit,
RGB, 64 x 64, no Pixel Spacing) with a red disc whose place and size vary, and OUT/ground-truth.csv
graded by three graders on the five-grade scale.

Usage: make_colour_study.py OUT N
"""
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

out, n = sys.argv[1], int(sys.argv[2])
OP = "1.2.840.10008.5.1.4.1.1.77.1.5.1"
rng = np.random.default_rng(20261205)
study = generate_uid(prefix="1.2.826.0.1.3680043.8.498.")
lines = ["case_id,image,grader_1,grader_2,grader_3"]
for k in range(1, n + 1):
    rows = cols = 64
    yy, xx = np.mgrid[0:rows, 0:cols]
    img = np.zeros((rows, cols, 3), dtype=np.uint8)
    img[..., 0] = 120 + yy
    img[..., 1] = 60 + xx // 2
    img[..., 2] = 30
    cy, cx, rad = rng.integers(16, 48), rng.integers(16, 48), 3 + (k % 4) * 2
    disc = (yy - cy) ** 2 + (xx - cx) ** 2 < rad * rad
    img[disc] = (250, 30, 30)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = OP
    sop = generate_uid(prefix="1.2.826.0.1.3680043.8.498.")
    meta.MediaStorageSOPInstanceUID = sop
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    folder = os.path.join(out, "images", "case-%04d" % k)
    os.makedirs(folder, exist_ok=True)
    ds = FileDataset(os.path.join(folder, "photo.dcm"), {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = OP
    ds.SOPInstanceUID = sop
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = generate_uid(prefix="1.2.826.0.1.3680043.8.498.")
    ds.Modality = "OP"
    ds.PatientID = "P%04d" % k
    ds.PatientName = "Phantom^%04d" % k
    ds.InstanceNumber = 1
    ds.BurnedInAnnotation = "NO"
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = "RGB"
    ds.PlanarConfiguration = 0
    ds.Rows, ds.Columns = rows, cols
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = img.tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(os.path.join(folder, "photo.dcm"), write_like_original=False)
    g = (k - 1) % 5
    lines.append("case-%04d,case-%04d/,%d,%d,%d" % (k, k, g, g, min(4, g + 1)))
with open(os.path.join(out, "ground-truth.csv"), "w") as f:
    f.write("\n".join(lines) + "\n")
