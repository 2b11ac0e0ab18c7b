#!/usr/bin/python3
"""Independent check of a Secondary Capture overlay with pydicom (python3-pydicom, numpy).

Usage: /usr/bin/python3 overlay_expected.py SC.dcm SOURCE.dcm HEAT.csv CENTRE WIDTH OPACITY MAP
Decodes the source with pydicom (pixel_array, then RescaleSlope/RescaleIntercept), reads the heat
map (one value per line, row-major), computes the blend the OverlayStyle Javadoc specifies
(linear VOI window of PS3.3 C.11.2.1.2.1, then (1 - a h) y + a h rgb(h), times 255, rounded) and
compares it with the SC's pixel_array. Prints JSON: pydicom version, photometric, shape, the
largest absolute difference and the number of channel values that differ.
"""
import json
import sys

import numpy
import pydicom


def colormap(name, h):
    c = lambda v: numpy.clip(v, 0.0, 1.0)
    if name == "HOT":
        return numpy.stack([c(3 * h), c(3 * h - 1), c(3 * h - 2)], axis=-1)
    if name == "JET":
        return numpy.stack([c(1.5 - abs(4 * h - 3)), c(1.5 - abs(4 * h - 2)),
                            c(1.5 - abs(4 * h - 1))], axis=-1)
    raise SystemExit("unknown colour map " + name)


def main(sc_path, src_path, heat_path, centre, width, opacity, name):
    sc = pydicom.dcmread(sc_path)
    src = pydicom.dcmread(src_path)
    values = src.pixel_array.astype(numpy.float64) * float(src.RescaleSlope) \
        + float(src.RescaleIntercept)
    heat = numpy.loadtxt(heat_path, dtype=numpy.float64).reshape(values.shape)
    c, w, a = float(centre), float(width), float(opacity)
    y = numpy.clip((values - (c - 0.5)) / (w - 1) + 0.5, 0.0, 1.0)
    weight = (a * heat)[..., None]
    expected = numpy.round(255 * ((1 - weight) * y[..., None] + weight * colormap(name, heat)))
    actual = sc.pixel_array.astype(numpy.float64)
    diff = numpy.abs(actual - expected)
    print(json.dumps({
        "pydicom": pydicom.__version__,
        "photometric": str(sc.PhotometricInterpretation),
        "shape": list(actual.shape),
        "max_abs_diff": float(diff.max()),
        "differing": int((diff > 0).sum()),
        "source_uid": str(sc.SourceImageSequence[0].ReferencedSOPInstanceUID),
    }))


if __name__ == "__main__":
    main(*sys.argv[1:8])
