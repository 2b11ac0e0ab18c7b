#!/usr/bin/python3
"""Quadratic weighted kappa of a grading run's case results, with numpy from the definition
(weights 1 - ((i - j) / (k - 1))^2 over the five grades; kappa = (po - pe) / (1 - pe)).

Usage: /usr/bin/python3 grading_kappa.py case-results.csv
Grades may be names (none, mild, moderate, severe, proliferative) or 0-based indices.
Prints JSON {"kappa": ...}.
"""
import csv
import json
import sys

import numpy as np

GRADES = ["none", "mild", "moderate", "severe", "proliferative"]


def grade(v):
    return GRADES.index(v) if v in GRADES else int(v)


def main(path):
    k = len(GRADES)
    t = np.zeros((k, k))
    with open(path) as f:
        for row in csv.DictReader(f):
            t[grade(row["truth_grade"]), grade(row["predicted_grade"])] += 1
    p = t / t.sum()
    w = np.array([[1 - ((i - j) / (k - 1)) ** 2 for j in range(k)] for i in range(k)])
    po = (w * p).sum()
    pe = (w * np.outer(p.sum(1), p.sum(0))).sum()
    print(json.dumps({"numpy": np.__version__, "kappa": float((po - pe) / (1 - pe))}))


if __name__ == "__main__":
    main(sys.argv[1])
