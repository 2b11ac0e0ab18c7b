#!/usr/bin/python3
"""The reference grader's input computed independently from a written fundus photograph:
pydicom reads the RGB pixels, torch (torch.nn.functional.interpolate, bilinear,
align_corners=False, no antialiasing) resizes each channel to 128 x 128, then values / 255 and
(v - mean) / std per channel, as the descriptor says.

Usage: /usr/bin/python3 grader_input.py FILE.dcm MEAN_R MEAN_G MEAN_B STD_R STD_G STD_B
Prints JSON {"values": [...]} planar (R plane, G plane, B plane), row-major.
"""
import json
import sys

import numpy as np
import pydicom
import torch
import torch.nn.functional as F


def main(path, mean, std):
    a = pydicom.dcmread(path).pixel_array.astype(np.float32)  # rows x columns x 3
    t = torch.from_numpy(np.ascontiguousarray(a.transpose(2, 0, 1)))[None]
    r = F.interpolate(t, size=(128, 128), mode="bilinear", align_corners=False)[0].numpy()
    r = r / 255.0
    for c in range(3):
        r[c] = (r[c] - mean[c]) / std[c]
    print(json.dumps({"torch": torch.__version__, "values": [float(v) for v in r.flatten()]}))


if __name__ == "__main__":
    v = [float(x) for x in sys.argv[2:8]]
    main(sys.argv[1], v[0:3], v[3:6])
