#!/usr/bin/python3
"""Test fixture: small colour and grey CNNs made with PyTorch, outside the Java code under test.

Writes into OUT_DIR (first argument):
  tiny_grader.pt / .onnx          -- (N, 3, 32, 32) -> 5 logits (a 5-grade softmax grader)
  tiny_expected_grade.pt / .onnx  -- (N, 3, 32, 32) -> 1 expected grade, 4 * sigmoid(z)
  tiny_grey.onnx                  -- (N, 1, 32, 32) -> 1 logit
  grading.csv                     -- model, image, grade index (or "e" for the expected grade),
                                     PyTorch's output: softmax probabilities per grade, or the
                                     expected grade

The fixed colour images are defined by a formula that the Java test repeats:
  rgb[k, ch, r, c] = (7*r + 13*c + 31*k + 50*ch) % 256,   k = 0, 1, 2;  ch = R, G, B
preprocessed as the descriptor says, each step rounded to float32 as the Java steps are:
  x = float32(v * (1/255));  y = float32((x - mean[ch]) / std[ch]),
  mean = (0.5, 0.3, 0.2), std = (0.25, 0.2, 0.15).

With pydicom's test folder as second argument, also
  dicom_grading.csv               -- file, grade, softmax of tiny_grader on colour DICOM files:
                                     ds.pixel_array (convert_color_space to RGB for YBR), resized
                                     with torch.nn.functional.interpolate(mode="bilinear",
                                     align_corners=False) to 32x32, then scale and standardize

Run: /usr/bin/python3 imaging/src/test/python/make_input_models.py imaging/target/input-models
"""
import os
import sys

import numpy as np
import torch
from torch import nn

SIZE = 32
MEAN = np.array([0.5, 0.3, 0.2])
STD = np.array([0.25, 0.2, 0.15])


class TinyGrader(nn.Module):
    def __init__(self, channels, outputs):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 8, 3, stride=2, padding=1)
        self.fc = nn.Linear(8 * 16 * 16, outputs)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        return self.fc(torch.flatten(x, 1))


class ExpectedGrade(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = TinyGrader(3, 1)

    def forward(self, x):
        return 4.0 * torch.sigmoid(self.body(x))


def image(k):
    r, c = np.meshgrid(np.arange(SIZE), np.arange(SIZE), indexing="ij")
    return np.stack([(7 * r + 13 * c + 31 * k + 50 * ch) % 256 for ch in range(3)]).astype(np.float32)


def prepare(v):
    x = (v.astype(np.float64) * (1.0 / 255)).astype(np.float32)
    y = (x.astype(np.float64) - MEAN[:, None, None]) / STD[:, None, None]
    return y.astype(np.float32)


def save(model, name, out, channels):
    model.eval()
    example = torch.zeros(1, channels, SIZE, SIZE)
    torch.jit.trace(model, example).save(os.path.join(out, name + ".pt"))
    torch.onnx.export(
        model, example, os.path.join(out, name + ".onnx"),
        input_names=["input"], output_names=["output"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, opset_version=13)


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(20261205)
    grader = TinyGrader(3, 5)
    # Spread the logits so that the images get different grades.
    with torch.no_grad():
        grader.fc.weight.mul_(20.0)
    expected = ExpectedGrade()
    grey = TinyGrader(1, 1)
    save(grader, "tiny_grader", out, 3)
    save(expected, "tiny_expected_grade", out, 3)
    save(grey, "tiny_grey", out, 1)
    batch = torch.from_numpy(np.stack([prepare(image(k)) for k in range(3)]))
    with torch.no_grad():
        p = torch.softmax(grader(batch), dim=1).numpy()
        e = expected(batch).numpy()
    with open(os.path.join(out, "grading.csv"), "w") as fh:
        fh.write("# torch %s\n" % torch.__version__)
        fh.write("model,image,grade,value\n")
        for k in range(3):
            for g in range(5):
                fh.write("tiny_grader,%d,%d,%.9g\n" % (k, g, p[k, g]))
            fh.write("tiny_expected_grade,%d,e,%.9g\n" % (k, e[k, 0]))


DICOM_FILES = ["SC_rgb_rle.dcm", "SC_ybr_full_422_uncompressed.dcm", "ExplVR_BigEnd.dcm"]


def dicom(out, src, grader):
    import pydicom
    from pydicom.pixel_data_handlers.util import convert_color_space
    import torch.nn.functional as F

    with open(os.path.join(out, "dicom_grading.csv"), "w") as fh:
        fh.write("# pydicom %s, torch %s\n" % (pydicom.__version__, torch.__version__))
        fh.write("file,grade,value\n")
        for name in DICOM_FILES:
            ds = pydicom.dcmread(os.path.join(src, name))
            arr = ds.pixel_array
            if ds.PhotometricInterpretation.startswith("YBR_FULL"):
                arr = convert_color_space(arr, ds.PhotometricInterpretation, "RGB")
            x = torch.from_numpy(np.transpose(arr, (2, 0, 1)).astype(np.float32))[None]
            x = F.interpolate(x, size=(SIZE, SIZE), mode="bilinear", align_corners=False)
            y = torch.from_numpy(prepare(x[0].numpy()))[None]
            with torch.no_grad():
                p = torch.softmax(grader(y), dim=1).numpy()[0]
            for g in range(5):
                fh.write("%s,%d,%.9g\n" % (name, g, p[g]))


if __name__ == "__main__":
    main(sys.argv[1])
    if len(sys.argv) > 2:
        grader = TinyGrader(3, 5)
        torch.manual_seed(20261205)
        grader = TinyGrader(3, 5)
        with torch.no_grad():
            grader.fc.weight.mul_(20.0)
        grader.eval()
        dicom(sys.argv[1], sys.argv[2], grader)
