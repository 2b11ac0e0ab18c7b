#!/usr/bin/python3
"""Independent decoding of a phantom image (OP, MR or DX) with pydicom (python3-pydicom).

Usage: /usr/bin/python3 photo_values.py FILE.dcm
Prints JSON: Modality, Photometric Interpretation, pixel_array's shape and values (row-major,
samples of a pixel together), the spacing (Pixel Spacing, else Imager Pixel Spacing) and, when
present, the first VOI window.
"""
import json
import sys

import pydicom


def main(path):
    ds = pydicom.dcmread(path)
    a = ds.pixel_array
    spacing = ds.get("PixelSpacing") or ds.get("ImagerPixelSpacing")
    out = {
        "pydicom": pydicom.__version__,
        "modality": str(ds.Modality),
        "photometric": str(ds.PhotometricInterpretation),
        "shape": list(a.shape),
        "values": [int(v) for v in a.flatten()],
        "spacing": [float(v) for v in spacing],
    }
    if "WindowCenter" in ds:
        wc = ds.WindowCenter
        ww = ds.WindowWidth
        out["window"] = [float(wc[0] if isinstance(wc, pydicom.multival.MultiValue) else wc),
                         float(ww[0] if isinstance(ww, pydicom.multival.MultiValue) else ww)]
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
