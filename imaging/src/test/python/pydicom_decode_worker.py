#!/usr/bin/python3
"""The baseline of DicomDecodeBenchmark: decodes with pydicom what the benchmark names.

Reads one folder per line on stdin; for each, decodes every file in it the way DicomReader does
(pixel_array, then apply_modality_lut, as float32) and prints the number of slices and the
seconds taken, so the interpreter's start-up is not timed.
"""
import os
import sys
import time
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

warnings.simplefilter("ignore")

for line in sys.stdin:
    folder = line.strip()
    if not folder:
        break
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    start = time.perf_counter()
    checksum = 0.0
    for f in files:
        ds = pydicom.dcmread(f)
        values = apply_modality_lut(ds.pixel_array, ds).astype(np.float32)
        checksum += float(values[0, 0])
    print("%d %.6f %g" % (len(files), time.perf_counter() - start, checksum), flush=True)
