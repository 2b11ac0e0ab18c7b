"""Reference Brier scores, expected calibration errors and reliability bins, computed with numpy
independently of the Java code, on the data sets of calibration_data.csv (written by
validation/src/test/r/calibration_reference.R).

Run from the repository root with Debian's Python:
    /usr/bin/python3 validation/src/test/python/calibration_reference.py

Conventions (the Java implementation documents the same):
  Brier = mean((p - y)^2).
  Equal-width bins: edges e_b = b / B as doubles (np.arange(B + 1) / B); bin b holds e_b <= p <
  e_{b+1}, the last bin also holds p = 1: [0, 1/B), ..., [(B-1)/B, 1]. Empty bins have count 0 and
  no mean.
  Equal-mass bins: cases sorted by p with a stable sort (ties keep input order) and split into B
  consecutive groups by np.array_split: the first n mod B groups hold floor(n/B) + 1 cases, the
  rest floor(n/B). Bounds are the smallest and largest p of the group. Needs n >= B.
  ECE = sum_b (n_b / n) * |mean p in b - fraction of positives in b|, over non-empty bins.
"""
import csv
import sys

import numpy as np

REF = "validation/src/test/resources/reference"
BINS = (1, 5, 10, 15)


def load():
    data = {}
    with open(f"{REF}/calibration_data.csv") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for r in rows:
            d = data.setdefault(r["dataset"], ([], []))
            d[0].append(int(r["y"]))
            d[1].append(float(r["p"]))
    return {k: (np.array(y, dtype=float), np.array(p, dtype=float)) for k, (y, p) in data.items()}


def width_bins(y, p, B):
    edges = np.arange(B + 1) / B
    idx = np.searchsorted(edges, p, side="right") - 1
    idx[idx == B] = B - 1  # p == 1 joins the last bin
    out = []
    for b in range(B):
        m = idx == b
        out.append((edges[b], edges[b + 1], y[m], p[m]))
    return out


def mass_bins(y, p, B):
    order = np.argsort(p, kind="stable")
    return [(p[g].min(), p[g].max(), y[g], p[g]) for g in np.array_split(order, B)]


def fmt(v):
    return "NA" if v is None else repr(float(v))


def main():
    data = load()
    summary = []
    bins_out = []
    for name, (y, p) in data.items():
        n = len(y)
        brier = np.mean((p - y) ** 2)
        for binning, make in (("width", width_bins), ("mass", mass_bins)):
            for B in BINS:
                if binning == "mass" and n < B:
                    continue
                ece = 0.0
                for b, (lo, hi, yb, pb) in enumerate(make(y, p, B)):
                    k = len(yb)
                    mp = pb.mean() if k else None
                    of = yb.mean() if k else None
                    if k:
                        ece += k / n * abs(mp - of)
                    bins_out.append([name, binning, B, b, fmt(lo), fmt(hi), k, int(yb.sum()), fmt(mp), fmt(of)])
                summary.append([name, binning, B, n, fmt(brier), fmt(ece)])
    head = [
        f"# Python {sys.version.split()[0]}, numpy {np.__version__}; generator: /usr/bin/python3 validation/src/test/python/calibration_reference.py",
        "# input: calibration_data.csv; equal-width edges np.arange(B + 1) / B with np.searchsorted(edges, p, side='right') - 1 (p = 1 to the last bin);",
        "# equal-mass: np.array_split(np.argsort(p, kind='stable'), B) (skipped when n < B); ECE = sum(n_b / n * |mean p_b - mean y_b|); brier = mean((p - y)^2)",
    ]
    with open(f"{REF}/calibration_ece.csv", "w", newline="") as f:
        f.write("\n".join(head) + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "binning", "n_bins", "n", "brier", "ece"])
        w.writerows(summary)
    with open(f"{REF}/calibration_bins.csv", "w", newline="") as f:
        f.write("\n".join(head) + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "binning", "n_bins", "bin", "lower", "upper", "count", "positives", "mean_predicted", "observed_fraction"])
        w.writerows(bins_out)


if __name__ == "__main__":
    main()
