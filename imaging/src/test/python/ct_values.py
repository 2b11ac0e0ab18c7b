#!/usr/bin/python3
"""Independent decoding of a CT image with pydicom (python3-pydicom).

Usage: /usr/bin/python3 ct_values.py CT.dcm
Prints JSON: pydicom's version, the Hounsfield units (pixel_array * RescaleSlope +
RescaleIntercept, row-major), Image Position/Orientation (Patient), Pixel Spacing, Slice Thickness,
Body Part Examined and Modality.
"""
import json
import sys

import pydicom


def main(path):
    ds = pydicom.dcmread(path)
    hu = ds.pixel_array.astype(float) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
    print(json.dumps({
        "pydicom": pydicom.__version__,
        "hu": [float(v) for v in hu.flatten()],
        "position": [float(v) for v in ds.ImagePositionPatient],
        "orientation": [float(v) for v in ds.ImageOrientationPatient],
        "spacing": [float(v) for v in ds.PixelSpacing],
        "thickness": float(ds.SliceThickness),
        "body_part": str(ds.BodyPartExamined),
        "modality": str(ds.Modality),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
