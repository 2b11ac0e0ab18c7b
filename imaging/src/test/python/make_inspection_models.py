#!/usr/bin/python3
"""Test fixture: small ONNX graphs written with the onnx package's helpers (no PyTorch), whose
input and output shapes are stated here, for the model inspection tests.

Writes into OUT_DIR (first argument):
  dynamic_hw.onnx  -- input (batch, 1, height, width), height and width dynamic -> (batch, 1)
  rgb_64x48.onnx   -- input (1, 3, 64, 48), all fixed -> (1, 3): global mean per channel
  rank3.onnx       -- input (1, 32, 32), no channel axis -> (1, 32)

Run: /usr/bin/python3 imaging/src/test/python/make_inspection_models.py imaging/target/inspection-models
"""
import os
import sys

import onnx
from onnx import TensorProto, helper


def pooled(name, in_shape, out_shape, out_dir):
    """GlobalAveragePool then Flatten: (n, c, h, w) -> (n, c)."""
    graph = helper.make_graph(
        [
            helper.make_node("GlobalAveragePool", ["input"], ["pooled"]),
            helper.make_node("Flatten", ["pooled"], ["output"], axis=1),
        ],
        name,
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, in_shape)],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, out_shape)],
    )
    save(graph, name, out_dir)


def rank3(out_dir):
    """(1, 32, 32) -> mean over the last axis -> (1, 32)."""
    graph = helper.make_graph(
        [helper.make_node("ReduceMean", ["input"], ["output"], axes=[2], keepdims=0)],
        "rank3",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 32, 32])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 32])],
    )
    save(graph, "rank3", out_dir)


def save(graph, name, out_dir):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out_dir, name + ".onnx"))


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    pooled("dynamic_hw", ["batch", 1, "height", "width"], ["batch", 1], out_dir)
    pooled("rgb_64x48", [1, 3, 64, 48], [1, 3], out_dir)
    rank3(out_dir)


if __name__ == "__main__":
    main()
