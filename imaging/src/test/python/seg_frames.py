#!/usr/bin/python3
"""Independent decoding of a binary DICOM Segmentation with pydicom (Debian python3-pydicom).

Usage: /usr/bin/python3 seg_frames.py SEG.dcm
Prints JSON: pydicom's version, rows, columns and, per frame, the referenced segment number, the
referenced source SOP Instance UID, Image Position (Patient) and the flat indices (r * columns + c)
of the set pixels, as pydicom unpacks them (ds.pixel_array).
"""
import json
import sys

import numpy
import pydicom


def main(path):
    ds = pydicom.dcmread(path)
    pixels = ds.pixel_array
    if int(ds.NumberOfFrames) == 1:
        pixels = pixels.reshape((1,) + pixels.shape)
    frames = []
    for i, item in enumerate(ds.PerFrameFunctionalGroupsSequence):
        source = item.DerivationImageSequence[0].SourceImageSequence[0]
        frames.append({
            "segment": int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber),
            "source": str(source.ReferencedSOPInstanceUID),
            "position": [float(v) for v in item.PlanePositionSequence[0].ImagePositionPatient],
            "set": [int(v) for v in numpy.flatnonzero(pixels[i])],
        })
    print(json.dumps({
        "pydicom": pydicom.__version__,
        "rows": int(ds.Rows),
        "columns": int(ds.Columns),
        "segments": [str(s.SegmentLabel) for s in ds.SegmentSequence],
        "frames": frames,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
