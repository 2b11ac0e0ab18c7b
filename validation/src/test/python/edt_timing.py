#!/usr/bin/python3
"""Context figure for SegmentationBenchmark: scipy's exact EDT on the benchmark's reference mask.

Run from the repository root:  /usr/bin/python3 validation/src/test/python/edt_timing.py
Builds the same 256x256x128 ellipsoid at spacing (0.7, 0.7, 2.5) mm, extracts its surface and
times scipy.ndimage.distance_transform_edt(~surface, sampling=spacing), printing each of 5 runs
and their median. Single-threaded, as scipy's EDT is.
"""
import statistics
import time

import numpy as np
import scipy
from scipy import ndimage

SHAPE = (256, 256, 128)
SPACING = (0.7, 0.7, 2.5)


def ellipsoid(centre, semi):
    grids = np.meshgrid(*[np.arange(n) * s for n, s in zip(SHAPE, SPACING)], indexing="ij")
    return sum(((g - c) / a) ** 2 for g, c, a in zip(grids, centre, semi)) <= 1


ref = ellipsoid((93.1, 86.1, 167.5), (76, 78, 130))
surface = ref & ~ndimage.binary_erosion(ref, ndimage.generate_binary_structure(3, 1), border_value=0)
times = []
for _ in range(5):
    t0 = time.perf_counter()
    ndimage.distance_transform_edt(~surface, sampling=SPACING)
    times.append(time.perf_counter() - t0)
print("scipy %s numpy %s" % (scipy.__version__, np.__version__))
print("distance_transform_edt 256x256x128 runs (ms):", " ".join("%.0f" % (t * 1000) for t in times))
print("median ms: %.0f" % (statistics.median(times) * 1000))
