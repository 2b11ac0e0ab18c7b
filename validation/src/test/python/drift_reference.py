#!/usr/bin/python3
"""Reference values for org.clinval.validation.drift (DriftReferenceTest).

Run with the Debian interpreter, which has scipy:

    /usr/bin/python3 validation/src/test/python/drift_reference.py \
        validation/src/test/resources/reference

It writes drift_reference.csv (every measure on generated samples) and ks_distribution.csv (the
KS null distributions on a grid that reaches every branch of scipy's code).

The samples are not stored: both this script and the Java test draw them from the same 64-bit
linear congruential generator (Knuth's MMIX constants) with only IEEE-exact arithmetic (+, -, *,
floor, sqrt), so both languages see bit-identical numbers. See Lcg.java in the test sources.
"""
import math
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

MASK = (1 << 64) - 1
SQRT3 = math.sqrt(3.0)
PSI_EPSILON = 1e-4


class Lcg:
    def __init__(self, seed):
        self.s = seed & MASK

    def next(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & MASK
        return (self.s >> 11) * 2.0 ** -53

    def normal(self, n, mean, sd):
        out = []
        for _ in range(n):
            u = self.next() + self.next()
            u = u + self.next()
            u = u + self.next()
            out.append(mean + sd * ((u - 2.0) * SQRT3))
        return np.array(out)

    def uniform(self, n, lo, hi):
        return np.array([lo + (hi - lo) * self.next() for _ in range(n)])

    def integers(self, n, k):
        return np.array([float(math.floor(self.next() * k)) for _ in range(n)])

    def categories(self, n, names, cumulative):
        out = []
        for _ in range(n):
            u = self.next()
            i = 0
            while i < len(cumulative) - 1 and u >= cumulative[i]:
                i += 1
            out.append(names[i])
        return out


def sample(spec):
    """spec: kind:n:seed:a:b  (normal mean sd | uniform lo hi | integers k | constant v)."""
    kind, n, seed, *p = spec.split(":")
    n, seed = int(n), int(seed)
    g = Lcg(seed)
    if kind == "normal":
        return g.normal(n, float(p[0]), float(p[1]))
    if kind == "uniform":
        return g.uniform(n, float(p[0]), float(p[1]))
    if kind == "integers":
        return g.integers(n, int(p[0]))
    if kind == "constant":
        return np.full(n, float(p[0]))
    raise ValueError(spec)


def category_sample(spec):
    """spec: n:seed:NAME=weight/NAME=weight/...  (weights cumulated in order)."""
    n, seed, body = spec.split(":")
    names, cum, total = [], [], 0.0
    for part in body.split("/"):
        name, w = part.split("=")
        total += float(w)
        names.append(name)
        cum.append(total)
    return Lcg(int(seed)).categories(int(n), names, cum)


def psi_bins(baseline, values):
    edges = np.unique(np.quantile(baseline, np.arange(1, 10) / 10))
    idx = np.searchsorted(edges, values, side="left")  # bins (e[i-1], e[i]]
    return np.bincount(idx, minlength=len(edges) + 1)


def psi(b, c):
    pb = psi_bins(b, b) / len(b)
    pc = psi_bins(b, c) / len(c)
    pb = np.where(pb == 0, PSI_EPSILON, pb)
    pc = np.where(pc == 0, PSI_EPSILON, pc)
    return float(np.sum((pc - pb) * np.log(pc / pb)))


def ks_branch(n1, n2, d):
    """Which branch of scipy.stats._ksstats._kolmogn the asymptotic p-value takes (for reading)."""
    if max(n1, n2) <= 10000:
        return "exact"
    m, n = sorted([float(n1), float(n2)], reverse=True)
    n = np.round(m * n / (m + n))
    t = n * d
    if t <= 1 or t >= n - 1:
        return "asymp-ruben-gambino"
    if d >= 0.5:
        return "asymp-smirnov"
    nx2 = t * d
    if n <= 140:
        return ("asymp-dmtw" if nx2 <= 0.754693
                else "asymp-pomeranz" if nx2 <= 4 else "asymp-smirnov")
    if nx2 >= 370:
        return "asymp-zero"
    if nx2 >= 2.2:
        return "asymp-smirnov"
    return "asymp-dmtw" if n <= 100000 and n * d ** 1.5 <= 1.4 else "asymp-pelz-good"


NUMERIC = [
    # name, baseline spec, current spec
    ("small_exact", "normal:8:101:0:1", "normal:11:102:0.5:1"),
    ("equal_n", "normal:25:103:0:1", "normal:25:104:0.8:1.2"),
    ("ties", "integers:60:105:6", "integers:45:106:7"),
    ("moderate", "normal:500:107:0:1", "normal:300:108:0.2:1"),
    ("scores", "uniform:2000:109:0:1", "uniform:800:110:0.1:1"),
    ("psi_empty_bins", "uniform:1000:111:0:1", "uniform:400:112:0:0.35"),
    ("collapsed_edges", "integers:300:113:3", "integers:200:114:4"),
    ("constant_baseline", "constant:50:0:1", "normal:40:115:1:0.5"),
    ("exact_10000", "normal:10000:116:0:1", "normal:3000:117:0.05:1"),
    ("asymp_pelz_good", "normal:12000:118:0:1", "normal:9000:119:0:1"),
    ("asymp_smirnov", "normal:12000:120:0:1", "normal:9000:121:0.1:1"),
    ("asymp_far", "normal:12000:122:0:1", "normal:9000:123:1.5:1"),
    ("asymp_small_current", "normal:15000:124:0:1", "normal:60:125:0.3:1"),
    ("asymp_small_current_null", "normal:15000:126:0:1", "normal:60:127:0:1"),
    ("asymp_pelz_good_small_n", "normal:10500:128:0:1", "normal:400:129:0:1"),
    ("asymp_dmtw", "integers:11000:314:2", "integers:400:315:2"),
    ("asymp_dmtw_near_one", "integers:11000:324:2", "integers:400:325:2"),
    ("asymp_ruben_gambino", "integers:11000:302:2", "integers:400:303:2"),
    ("asymp_pomeranz", "normal:15000:140:0:1", "normal:60:141:0.25:1"),
    ("asymp_pomeranz_2", "normal:15000:140:0:1", "normal:60:149:0.25:1"),
    ("asymp_ties", "integers:11000:130:20", "integers:5000:131:20"),
]

CATEGORICAL = [
    ("cat_missing", "400:201:GE=0.4/SIEMENS=0.3/PHILIPS=0.2/CANON=0.1",
     "250:202:GE=0.5/SIEMENS=0.3/PHILIPS=0.15/FUJIFILM=0.05"),
    ("cat_two_yates", "120:203:B30f=0.6/B70f=0.4", "80:204:B30f=0.45/B70f=0.55"),
    ("cat_two_small", "12:205:A=0.5/B=0.5", "9:206:A=0.8/B=0.2"),
    ("cat_three", "300:207:1.5T=0.5/3T=0.4/0.55T=0.1", "200:208:1.5T=0.5/3T=0.45/0.55T=0.05"),
    ("cat_one", "50:209:GE=1", "30:210:GE=1"),
]


def fmt(v):
    return repr(float(v))


def ks_distribution(out):
    """kstwo.sf(x, n) and the exact two-sample tail on grids covering every branch."""
    out.write("# drift_reference.py: Python %s, numpy %s, scipy %s\n"
              % (sys.version.split()[0], np.__version__, scipy.__version__))
    out.write("# kind=kstwo: p = stats.kstwo.sf(x, n);"
              " kind=exact2: p = scipy.stats._stats_py._attempt_exact_2kssamp(n1, n2, gcd, h / lcm,"
              " 'two-sided')[2], x = h / lcm\n")
    out.write("kind,n1,n2,h,x,p\n")
    for n in [1, 2, 3, 10, 60, 140, 141, 385, 1000, 5143, 100000, 100001, 2000000]:
        xs = sorted(set([0.3 / n, 0.7 / n, 1.0 / n, 1.5 / n, 0.5 / math.sqrt(n), 0.8 / math.sqrt(n),
                         1.2 / math.sqrt(n), 1.6 / math.sqrt(n), 2.5 / math.sqrt(n),
                         5 / math.sqrt(n), 15 / math.sqrt(n), 0.3, 0.49, 0.5, 0.75,
                         1 - 1.5 / n, 0.999]))
        for x in xs:
            if 0 < x < 1:
                out.write("kstwo,%d,NA,NA,%r,%r\n" % (n, x, float(stats.kstwo.sf(x, n))))
    from scipy.stats._stats_py import _attempt_exact_2kssamp
    for n1, n2 in [(1, 1), (3, 3), (5, 7), (20, 20), (17, 40), (100, 150), (1000, 10000),
                   (9999, 10000), (3000, 4500)]:
        g = math.gcd(n1, n2)
        lcm = n1 // g * n2
        for frac in [0.0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.6, 1.0]:
            h = int(round(frac * lcm))
            ok, d, p = _attempt_exact_2kssamp(n1, n2, g, h / lcm, "two-sided")
            if ok:
                out.write("exact2,%d,%d,%d,%r,%r\n" % (n1, n2, h, d, float(p)))


def main():
    outdir = sys.argv[1]
    with open(outdir + "/ks_distribution.csv", "w") as f:
        ks_distribution(f)
    with open(outdir + "/drift_reference.csv", "w") as f:
        drift_reference(f)


def drift_reference(out):
    out.write("# drift_reference.py: Python %s, numpy %s, scipy %s\n"
              % (sys.version.split()[0], np.__version__, scipy.__version__))
    out.write("# numeric: psi over np.unique(np.quantile(b, np.arange(1, 10) / 10)) bins"
              " (e[i-1], e[i]], zero proportions -> 1e-4;"
              " ks = stats.ks_2samp(b, c) (method='auto');"
              " wasserstein = stats.wasserstein_distance(b, c);"
              " js = distance.jensenshannon(counts_b, counts_c, base=2) ** 2 over the psi bins\n")
    out.write("# categorical: table = [[count_b[cat] ...], [count_c[cat] ...]] over sorted(union);"
              " chi2, p, dof, _ = stats.chi2_contingency(table);"
              " js = distance.jensenshannon(table[0], table[1], base=2) ** 2\n")
    out.write("case,kind,baseline,current,n_baseline,n_current,psi,ks_statistic,ks_pvalue,"
              "ks_branch,wasserstein,js,chi2,chi2_dof,chi2_pvalue\n")
    for name, bs, cs in NUMERIC:
        b, c = sample(bs), sample(cs)
        ks = stats.ks_2samp(b, c)
        w = stats.wasserstein_distance(b, c)
        js = distance.jensenshannon(psi_bins(b, b), psi_bins(b, c), base=2) ** 2
        out.write(",".join([name, "numeric", bs, cs, str(len(b)), str(len(c)), fmt(psi(b, c)),
                            fmt(ks.statistic), fmt(ks.pvalue), ks_branch(len(b), len(c), ks.statistic),
                            fmt(w), fmt(js), "NA", "NA", "NA"]) + "\n")
    for name, bs, cs in CATEGORICAL:
        b, c = category_sample(bs), category_sample(cs)
        cats = sorted(set(b) | set(c))
        table = np.array([[b.count(k) for k in cats], [c.count(k) for k in cats]])
        js = distance.jensenshannon(table[0], table[1], base=2) ** 2
        if len(cats) < 2:
            chi2, dof, p = "NA", "NA", "NA"
        else:
            r = stats.chi2_contingency(table)
            chi2, dof, p = fmt(r[0]), str(int(r[2])), fmt(r[1])
        out.write(",".join([name, "categorical", bs, cs, str(len(b)), str(len(c)), "NA", "NA",
                            "NA", "NA", "NA", fmt(js), chi2, dof, p]) + "\n")


if __name__ == "__main__":
    main()
