"""Independent aggregates of a run's explanations.csv: the pointing-game rate with its exact
(Clopper-Pearson) interval and the mean energy in the lesion with Student's t interval.

Usage: python3 explanation_metrics.py EXPLANATIONS.csv LEVEL
Prints JSON: hits, trials, rate, ci (scipy.stats.binomtest(k, n).proportion_ci(LEVEL, 'exact')),
energy_n, energy_mean, energy_ci (scipy.stats.t.interval over the defined energies, clipped to
[0, 1]).
"""
import csv
import json
import sys

import numpy as np
from scipy import stats

rows = [r for r in csv.DictReader(open(sys.argv[1], newline="")) if not r["problem"]]
level = float(sys.argv[2])
hits = sum(1 for r in rows if r["pointing_hit"] == "1")
trials = sum(1 for r in rows if r["pointing_hit"] in ("0", "1"))
out = {"hits": hits, "trials": trials}
if trials:
    ci = stats.binomtest(hits, trials).proportion_ci(level, "exact")
    out.update(rate=hits / trials, ci=[ci.low, ci.high])
e = np.array([float(r["energy_in_mask"]) for r in rows if r["energy_in_mask"]])
out["energy_n"] = int(e.size)
if e.size >= 2:
    lo, hi = stats.t.interval(level, e.size - 1, loc=e.mean(), scale=stats.sem(e))
    out.update(energy_mean=float(e.mean()), energy_ci=[max(0.0, lo), min(1.0, hi)])
print(json.dumps(out))
