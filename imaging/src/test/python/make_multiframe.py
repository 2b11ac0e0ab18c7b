#!/usr/bin/python3
"""A grey-scale multi-frame test file for DicomReaderTest, from Debian's MR_small.dcm.

Usage: /usr/bin/python3 make_multiframe.py OUT_FILE

Writes OUT_FILE, Explicit VR Little Endian, with NumberOfFrames 3 where frame k holds
MR_small.dcm's pixel_array + 100 * k (signed 16-bit).
"""
import sys

import numpy as np
import pydicom
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SRC = "/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm"

ds = pydicom.dcmread(SRC)
frames = np.stack([ds.pixel_array + 100 * k for k in range(3)]).astype("<i2")
ds.NumberOfFrames = 3
ds.PixelData = frames.tobytes()
ds.SOPInstanceUID = generate_uid()
ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds.is_little_endian, ds.is_implicit_VR = True, False
ds.save_as(sys.argv[1], write_like_original=False)
