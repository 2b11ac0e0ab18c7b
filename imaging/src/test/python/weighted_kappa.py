#!/usr/bin/python3
"""Cohen's kappa with quadratic weights from paired ratings, computed with numpy from the
definition (weights 1 - ((i - j) / (k - 1))^2; kappa = (po - pe) / (1 - pe)).

Usage: /usr/bin/python3 weighted_kappa.py K "r1,r1,..." "r2,r2,..."
Prints JSON {"kappa": ...}.
"""
import json
import sys

import numpy as np


def main(k, a, b):
    t = np.zeros((k, k))
    for x, y in zip(a, b):
        t[x, y] += 1
    p = t / t.sum()
    w = np.array([[1 - ((i - j) / (k - 1)) ** 2 for j in range(k)] for i in range(k)])
    po = (w * p).sum()
    pe = (w * np.outer(p.sum(1), p.sum(0))).sum()
    print(json.dumps({"numpy": np.__version__, "kappa": float((po - pe) / (1 - pe))}))


if __name__ == "__main__":
    main(int(sys.argv[1]), [int(v) for v in sys.argv[2].split(",")],
         [int(v) for v in sys.argv[3].split(",")])
