#!/usr/bin/python3
"""Independent reading of a Comprehensive SR finding report with pydicom (python3-pydicom).

Usage: /usr/bin/python3 sr_content.py SR.dcm
Prints JSON: the root concept ("value|scheme"), and for every content item at any depth, keyed
by its concept "value|scheme": NUM values, CODE values ("value|scheme"), TEXT values; the
referenced SOP Instance UIDs of IMAGE items in order; and the item counts of the Type 2
sequences ReferencedPerformedProcedureStepSequence and PerformedProcedureCodeSequence.
"""
import json
import sys

import pydicom


def key(code_seq):
    c = code_seq[0]
    return "%s|%s" % (c.CodeValue, c.CodingSchemeDesignator)


def walk(items, out):
    for it in items:
        concept = key(it.ConceptNameCodeSequence) if "ConceptNameCodeSequence" in it else ""
        vt = it.ValueType
        if vt == "NUM":
            out["num"][concept] = float(it.MeasuredValueSequence[0].NumericValue)
        elif vt == "CODE":
            out["code"][concept] = key(it.ConceptCodeSequence)
        elif vt == "TEXT":
            out["text"][concept] = str(it.TextValue)
        elif vt == "IMAGE":
            out["images"].append(str(it.ReferencedSOPSequence[0].ReferencedSOPInstanceUID))
        if "ContentSequence" in it:
            walk(it.ContentSequence, out)


def main(path):
    ds = pydicom.dcmread(path)
    out = {"pydicom": pydicom.__version__, "root": key(ds.ConceptNameCodeSequence),
           "num": {}, "code": {}, "text": {}, "images": [], "empty_type2": {}}
    walk(ds.ContentSequence, out)
    for name in ("ReferencedPerformedProcedureStepSequence", "PerformedProcedureCodeSequence"):
        out["empty_type2"][name] = len(ds[name].value) if name in ds else -1
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
