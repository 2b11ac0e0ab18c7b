#!/usr/bin/python3
"""Independent decode of Debian's pydicom test files, for DicomReaderReferenceTest.

Usage: /usr/bin/python3 dicom_reference.py TEST_FILES_DIR OUT_DIR

For every file under TEST_FILES_DIR (recursively, DICOMDIRs excepted) writes one row of
OUT_DIR/index.csv and, when pydicom decodes the pixels, OUT_DIR/<n>.f64: the values of
pydicom.pixel_data_handlers.util.apply_modality_lut(ds.pixel_array, ds) for grey-scale images
(ds.pixel_array for colour, in its photometric interpretation, not converted), little-endian
float64 in (frame, row, column, sample) order.
"""
import csv
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

warnings.simplefilter("ignore")


def main(src, out):
    os.makedirs(out, exist_ok=True)
    files = []
    for root, _, names in os.walk(src):
        for name in names:
            if not name.startswith("DICOMDIR"):
                files.append(os.path.relpath(os.path.join(root, name), src))
    files.sort()
    write_metadata(src, files, out)
    with open(os.path.join(out, "index.csv"), "w", newline="") as fh:
        fh.write("# pydicom %s, numpy %s, handlers: %s\n" % (
            pydicom.__version__, np.__version__,
            " ".join(h.HANDLER_NAME for h in pydicom.config.pixel_data_handlers
                     if h.is_available())))
        fh.write("# /usr/bin/python3 imaging/src/test/python/dicom_reference.py %s %s\n" % (src, out))
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["index", "file", "status", "transfer_syntax", "photometric", "rows",
                    "columns", "frames", "samples", "message"])
        for i, rel in enumerate(files):
            w.writerow(row(i, rel, os.path.join(src, rel), out))


META = ["Modality", "SOPClassUID", "Manufacturer", "ManufacturerModelName", "StationName",
        "KVP", "SliceThickness", "ConvolutionKernel", "BodyPartExamined", "PatientSex",
        "PatientAge", "PatientBirthDate", "StudyDate", "StudyInstanceUID", "SeriesInstanceUID",
        "SOPInstanceUID", "PixelSpacing", "ImagerPixelSpacing", "ImagePositionPatient",
        "ImageOrientationPatient", "RescaleSlope", "RescaleIntercept", "RescaleType",
        "WindowCenter", "WindowWidth", "PhotometricInterpretation", "SharedSliceThickness"]


def write_metadata(src, files, out):
    """OUT_DIR/metadata.csv: the header values as pydicom reads them (multi-values joined by \\)."""
    with open(os.path.join(out, "metadata.csv"), "w", newline="") as fh:
        fh.write("# pydicom %s: str() of each element's value, multi-values joined by \\\n"
                 % pydicom.__version__)
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file"] + META)
        for rel in files:
            try:
                ds = pydicom.dcmread(os.path.join(src, rel), stop_before_pixels=True)
            except Exception:
                continue
            w.writerow([rel] + [value(ds, k) for k in META])


# Enhanced multi-frame objects keep geometry in functional groups (PS3.3 C.7.6.16): the first
# frame's Per-frame item, else the Shared item, is used when the top level lacks the value.
MACRO = {"SliceThickness": "PixelMeasuresSequence", "PixelSpacing": "PixelMeasuresSequence",
         "ImagePositionPatient": "PlanePositionSequence",
         "ImageOrientationPatient": "PlaneOrientationSequence"}


def functional_group(ds, keyword):
    for groups in ("PerFrameFunctionalGroupsSequence", "SharedFunctionalGroupsSequence"):
        try:
            v = getattr(getattr(ds, groups)[0], MACRO[keyword])[0].get(keyword)
        except (AttributeError, IndexError):
            v = None
        if v is not None:
            return v
    return None


def value(ds, keyword):
    if keyword == "SharedSliceThickness":
        keyword = "SliceThickness"
        v = functional_group(ds, keyword)
    else:
        v = ds.get(keyword)
        if v is None and keyword in MACRO:
            v = functional_group(ds, keyword)
    if v is None or v == "":
        return ""
    if isinstance(v, pydicom.multival.MultiValue):
        return "\\".join(str(x) for x in v)
    return str(v)


def row(i, rel, path, out):
    try:
        ds = pydicom.dcmread(path)
    except Exception as e:  # not DICOM Part 10: pydicom refuses it too
        return [i, rel, "unreadable", "", "", "", "", "", "", type(e).__name__]
    ts = str(ds.file_meta.get("TransferSyntaxUID", ""))
    if "PixelData" not in ds:
        return [i, rel, "no_pixels", ts, "", "", "", "", "", ""]
    try:
        arr = ds.pixel_array
    except Exception as e:
        return [i, rel, "error", ts, "", "", "", "", "", type(e).__name__]
    samples = int(ds.SamplesPerPixel)
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    pi = str(ds.PhotometricInterpretation)
    if samples == 1:
        values = apply_modality_lut(arr, ds).astype("<f8")
    else:
        values = arr.astype("<f8")
    values.tofile(os.path.join(out, "%d.f64" % i))
    return [i, rel, "ok", ts, pi, int(ds.Rows), int(ds.Columns), frames, samples, ""]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
