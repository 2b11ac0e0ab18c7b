"""Grad-CAM of the built-in classifier recomputed with PyTorch from its exported parameters.

Usage: gradcam_reference.py EXPORT.json
EXPORT.json: {"params": [[name, shape, values], ...] in the block's order, "input": [C, H, W,
values], "rows": R, "columns": C, "targets": [k, ...]}. Prints one JSON line per target:
{"target": k, "map": [...]} (row-major, the image's size), and {"logits": [...]}.
"""
import json
import sys

import torch
import torch.nn.functional as F

e = json.load(open(sys.argv[1]))
params = [(n, torch.tensor(v, dtype=torch.float32).reshape(s)) for n, s, v in e["params"]]
it = iter(params)


def take(suffix):
    name, t = next(it)
    assert name.endswith(suffix), (name, suffix)
    return t


# features: four conv 3x3 (no bias) + batch norm (eps 1e-5, running statistics) + ReLU, with a
# 2x2 max pool after the first; the last conv dilated 2.
layers = []
for dilation in (1, 1, 1, 2):
    w = take("weight")
    g, b, m, v = take("gamma"), take("beta"), take("runningMean"), take("runningVar")
    layers.append((w, g, b, m, v, dilation))
sw, sb = take("weight"), take("bias")


def features(x):
    for i, (w, g, b, m, v, d) in enumerate(layers):
        x = F.conv2d(x, w, padding=d, dilation=d)
        x = F.batch_norm(x, m, v, g, b, training=False, eps=1e-5)
        x = F.relu(x)
        if i == 0:
            x = F.max_pool2d(x, 2, 2)
    return x


c, h, w_, vals = e["input"]
x = torch.tensor(vals, dtype=torch.float32).reshape(1, c, h, w_)
with torch.no_grad():
    a0 = features(x)
logits = F.conv2d(a0, sw, sb).amax(dim=(2, 3))[0]
print(json.dumps({"logits": logits.tolist()}))
for k in e["targets"]:
    a = a0.clone().requires_grad_(True)
    y = F.conv2d(a, sw, sb).amax(dim=(2, 3))
    y[0, k].backward()
    weights = a.grad.mean(dim=(2, 3), keepdim=True)
    cam = F.relu((weights * a).sum(dim=1, keepdim=True)).detach()
    mx = cam.max()
    if mx > 0:
        cam = cam / mx
    up = F.interpolate(cam, size=(e["rows"], e["columns"]), mode="bilinear", align_corners=False)
    print(json.dumps({"target": k, "map": up.flatten().tolist()}))
