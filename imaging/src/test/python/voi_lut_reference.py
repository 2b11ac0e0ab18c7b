#!/usr/bin/python3
"""Test reference: the VOI LUT of a DICOM file applied by pydicom, outside the Java code under test.

Usage: /usr/bin/python3 voi_lut_reference.py IN.dcm OUT.f32

Writes apply_voi_lut(apply_modality_lut(ds.pixel_array, ds), ds) (pydicom 2.3.1, which prefers the
VOI LUT Sequence's table to the window) as little-endian float32, row-major.
"""
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut, apply_voi_lut

ds = pydicom.dcmread(sys.argv[1])
v = apply_modality_lut(ds.pixel_array, ds)
np.asarray(apply_voi_lut(v, ds), dtype="<f4").tofile(sys.argv[2])
