"""Writes a study image folder with one bad file of each kind, for the dataset inventory tests.

Usage: /usr/bin/python3 make_bad_dataset.py OUT

Built from pydicom's test files (Debian python3-pydicom). Every copy of a source image gets its own
SOP Instance UID unless the case is about duplicates. Folder names are the cases' keys.
"""
import os
import shutil
import sys

import pydicom
from pydicom.uid import generate_uid

SRC = "/usr/lib/python3/dist-packages/pydicom/data/test_files"


def load(name, **changes):
    d = pydicom.dcmread(os.path.join(SRC, name))
    d.SOPInstanceUID = generate_uid(entropy_srcs=[name, repr(sorted(changes.items()))])
    d.file_meta.MediaStorageSOPInstanceUID = d.SOPInstanceUID
    for k, v in changes.items():
        setattr(d, k, v)
    return d


def save(d, out, rel):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    d.save_as(path, write_like_original=False)
    return path


def raw(out, rel, data):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def main(out):
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    ok = save(load("CT_small.dcm", PatientName="OK^CASE"), out, "case-ok/1.dcm")
    raw(out, "case-ok/Thumbs.db", b"\x00thumbs")
    raw(out, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    raw(out, "case-empty/1.dcm", b"")
    raw(out, "case-text/notes.dcm", b"this is not an image\n")
    raw(out, "case-preamble/1.dcm", b"\x00" * 128 + b"DICM")
    save(load("MR_small_jpeg_ls_lossless.dcm", Modality="CT"), out, "case-jpegls/1.dcm")
    save(load("JPEG-lossy.dcm", Modality="CT"), out, "case-jpeg12/1.dcm")
    save(load("CT_small.dcm", BurnedInAnnotation="YES"), out, "case-burned/1.dcm")
    save(load("CT_small.dcm", Modality="MR"), out, "case-mr/1.dcm")
    save(load("MR_small.dcm", Modality="CT"), out, "case-small/1.dcm")
    save(load("CT_small.dcm", SeriesNumber=1), out, "case-two/1.dcm")
    save(load("CT_small.dcm", SeriesNumber=2), out, "case-two/2.dcm")
    first = save(load("CT_small.dcm", SeriesNumber=3), out, "case-dupwithin/1.dcm")
    shutil.copyfile(first, os.path.join(out, "case-dupwithin/2.dcm"))
    os.makedirs(os.path.join(out, "copy-of-case-ok"))
    shutil.copyfile(ok, os.path.join(out, "copy-of-case-ok", "1.dcm"))
    clash = load("CT_small.dcm", SeriesNumber=4)
    save(clash, out, "case-sopclash/1.dcm")
    clash.SeriesNumber = 5
    save(clash, out, "case-sopclash/2.dcm")
    os.makedirs(os.path.join(out, "case-sr"))
    shutil.copyfile(os.path.join(SRC, "test-SR.dcm"), os.path.join(out, "case-sr", "1.dcm"))
    shutil.copyfile(os.path.join(SRC, "test-SR.dcm"), os.path.join(out, "report.dcm"))
    save(load("CT_small.dcm", SeriesNumber=6), out, "top-level-image.dcm")


if __name__ == "__main__":
    main(sys.argv[1])
