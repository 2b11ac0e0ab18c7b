"""Adds one bad case of each kind, and cases whose names and text carry PHI canaries, to a phantom
study's image folder and ground truth, for the end-to-end study tests.

Usage: /usr/bin/python3 add_bad_cases.py DICOM_DIR GROUND_TRUTH_CSV EXTRA_PHANTOM_DIR

DICOM_DIR holds case folders of phantom CT slices (case-NNNN/IM001.dcm); EXTRA_PHANTOM_DIR holds
more phantom cases never used in DICOM_DIR, as sources of new, distinct images. Every case added gets
a ground-truth row. Built with pydicom (Debian python3-pydicom) and its test files.
"""
import csv
import os
import shutil
import sys

import pydicom
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.uid import generate_uid

TEST_FILES = "/usr/lib/python3/dist-packages/pydicom/data/test_files"

# Canaries: if any of these reaches an output, PHI leaked.
NAME_FOLDER = "DOE^JANE 19500101"
CODE_MEANING = "CANARY-MEANING MUELLER"
LATIN1_NAME = "M\u00fcller^J\u00fcrgen"


def fresh(path):
    d = pydicom.dcmread(path)
    d.SOPInstanceUID = generate_uid()
    d.file_meta.MediaStorageSOPInstanceUID = d.SOPInstanceUID
    return d


def save(d, dicom, case, name="IM001.dcm"):
    os.makedirs(os.path.join(dicom, case), exist_ok=True)
    d.save_as(os.path.join(dicom, case, name), write_like_original=False)


def raw(dicom, case, data, name="IM001.dcm"):
    os.makedirs(os.path.join(dicom, case), exist_ok=True)
    with open(os.path.join(dicom, case, name), "wb") as f:
        f.write(data)


def main(dicom, truth, extra):
    sources = sorted(
        os.path.join(extra, c, "IM001.dcm") for c in os.listdir(extra) if c.startswith("case-")
    )
    first = os.path.join(dicom, "case-0001", "IM001.dcm")
    added = {}
    raw(dicom, "bad-empty", b"")
    added["bad-empty"] = "0"
    raw(dicom, "bad-text", b"scanned report, not an image\n")
    added["bad-text"] = "0"
    raw(dicom, "bad-preamble", b"\0" * 128 + b"DICM")
    added["bad-preamble"] = "0"
    for name, case in (
        ("MR_small_jpeg_ls_lossless.dcm", "bad-jpegls"),
        ("JPEG-lossy.dcm", "bad-jpeg12"),
    ):
        d = fresh(os.path.join(TEST_FILES, name))
        d.Modality = "CT"
        save(d, dicom, case)
        added[case] = "0"
    d = fresh(sources[0])
    d.BurnedInAnnotation = "YES"
    save(d, dicom, "bad-burned-in")
    added["bad-burned-in"] = "1"
    d = fresh(sources[1])
    d.Modality = "MR"
    save(d, dicom, "bad-modality")
    added["bad-modality"] = "0"
    os.makedirs(os.path.join(dicom, "bad-duplicate"))
    shutil.copyfile(first, os.path.join(dicom, "bad-duplicate", "IM001.dcm"))
    added["bad-duplicate"] = "0"
    save(fresh(sources[2]), dicom, "bad-two-images", "IM001.dcm")
    save(fresh(sources[3]), dicom, "bad-two-images", "IM002.dcm")
    added["bad-two-images"] = "1"
    # Usable cases whose folder name, file name and header text carry canaries.
    d = fresh(sources[4])
    save(d, dicom, NAME_FOLDER, "DOE^JANE.dcm")
    added[NAME_FOLDER] = "0"
    d = fresh(sources[5])
    code = Dataset()
    code.CodeValue = "CT-CHEST"
    code.CodingSchemeDesignator = "99LOCAL"
    code.CodeMeaning = CODE_MEANING
    d.ProcedureCodeSequence = Sequence([code])
    d.SpecificCharacterSet = "ISO_IR 100"
    d.PatientName = LATIN1_NAME
    d.StudyDescription = "follow-up of " + LATIN1_NAME
    save(d, dicom, "canary-text")
    added["canary-text"] = "1"
    with open(truth, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
        header = list(rows[0].keys())
    template = rows[0]
    for case, label in added.items():
        r = dict(template)
        r["case_id"] = case
        r["label"] = label
        rows.append(r)
    # A ground-truth row twice: its case is quarantined once, never also a result.
    rows.append(dict(rows[1]))
    with open(truth, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
