"""Reference sizing of fully crossed reader studies from a pilot, the way FDA's iMRMC 4 sizes one
(mrmc.core.StatTest sizing constructor, DBRecord.DBRecordSizeFill), written independently of the
Java code with numpy and scipy from the published formulas:

- the pilot's BDG moments M1..M8 of var(A), var(B), cov(A, B) by brute force over all pairs of
  reader x negative x positive observations (checked against iMRMC 4.0.3's printed moments of
  imrmc_doIMRMC_R2_input.imrmc to 6 significant digits), rescaled with the fully crossed
  coefficients of the new study (Gallas 2006);
- BDG df var^2 / sum_{N,D,R} b^2/df^3 from the pilot's biased BCK components of A - B, df_N = N0-1,
  df_D = N1-1, df_R = NR-1, floored at their minimum and at 2;
- Hillis's variance and df from the U-statistic OR covariances (Hillis, Obuchowski, Berbaum 2011
  eq. 10, as iMRMC resizes them with k = pilot cases / new cases);
- power: normal 1 - Phi(z_{1-a/2} - |d|/se); below 50 df, 1 - ncF.cdf(F_{1-a}(1, floor(df)); 1,
  floor(df) - 1, d^2/var) (iMRMC's PowerFtest: the non-central F has one denominator df fewer than
  the central cutoff); at 50 df or more the normal power.

Run from the repository root: /usr/bin/python3 validation/src/test/python/mrmc_sizing_reference.py
"""
import csv
import sys

import numpy as np
import scipy
from scipy import stats

DIR = "validation/src/test/resources/reference/mrmc/"


def read_imrmc(path):
    lines = open(path).read().split("\n")
    start = [i for i, l in enumerate(lines) if l.strip() == "BEGIN DATA:"][0]
    truth, scores = {}, {}
    readers, mods = [], []
    for l in lines[start + 1:]:
        if not l.strip():
            continue
        r, c, m, s = [x.strip() for x in l.split(",")]
        if r in ("-1", "truth"):
            truth[c] = int(float(s))
            continue
        if r not in readers:
            readers.append(r)
        if m not in mods:
            mods.append(m)
        scores[(m, r, c)] = float(s)
    neg = [c for c in truth if truth[c] == 0]
    pos = [c for c in truth if truth[c] == 1]
    return mods, readers, neg, pos, scores


def kernels(mod, readers, neg, pos, sc):
    """s[r, i, j] = 1 if positive j outscores negative i for reader r, 1/2 if tied."""
    out = np.zeros((len(readers), len(neg), len(pos)))
    for k, rd in enumerate(readers):
        x = np.array([sc[(mod, rd, c)] for c in neg])
        y = np.array([sc[(mod, rd, c)] for c in pos])
        out[k] = (y[None, :] > x[:, None]) + 0.5 * (y[None, :] == x[:, None])
    return out


def moments(sa, sb):
    """Unbiased and biased moments M1..M8 of E[sa(r,i,j) sb(r',i',j')] by sharing pattern."""
    nr, n0, n1 = sa.shape
    same_i = np.repeat(np.repeat(np.eye(n0, dtype=bool), n1, axis=0), n1, axis=1)
    same_j = np.tile(np.eye(n1, dtype=bool), (n0, n0))
    # pattern order: (reader, negative, positive) shared
    pats = [(1, 1, 1), (1, 0, 1), (1, 1, 0), (1, 0, 0), (0, 1, 1), (0, 0, 1), (0, 1, 0), (0, 0, 0)]
    num = np.zeros(8)
    cnt = np.zeros(8)
    numb = np.zeros(8)
    cntb = np.zeros(8)
    for r in range(nr):
        a = sa[r].reshape(-1)
        for q in range(nr):
            prod = np.outer(a, sb[q].reshape(-1))
            for k, (pr, pi, pj) in enumerate(pats):
                if pr != (r == q) and pr == 1:
                    continue
                # biased: equal on the shared dims, free elsewhere
                mb = np.ones_like(same_i)
                if pi:
                    mb = mb & same_i
                if pj:
                    mb = mb & same_j
                if pr == 1 and r != q:
                    pass
                else:
                    numb[k] += prod[mb].sum()
                    cntb[k] += mb.sum()
                if pr != (r == q):
                    continue
                m = (same_i == bool(pi)) & (same_j == bool(pj))
                num[k] += prod[m].sum()
                cnt[k] += m.sum()
    return num / cnt, numb / cntb


def bck(m):
    return np.array([m[6] - m[7], m[5] - m[7], m[4] - m[5] - m[6] + m[7], m[3] - m[7],
                     m[2] - m[3] - m[6] + m[7], m[1] - m[3] - m[5] + m[7],
                     m[0] - m[1] - m[2] + m[3] - m[4] + m[5] + m[6] - m[7]])


def coefficients(nr, n0, n1):
    c1 = 1.0 / (nr * n0 * n1)
    return np.array([c1, c1 * (n0 - 1), c1 * (n1 - 1), c1 * (n0 - 1) * (n1 - 1), c1 * (nr - 1),
                     c1 * (nr - 1) * (n0 - 1), c1 * (nr - 1) * (n1 - 1),
                     c1 * (nr - 1) * (n0 - 1) * (n1 - 1) - 1])


def reader_cov(m, lo, n0, n1):
    return (m[lo] + (n0 - 1) * m[lo + 1] + (n1 - 1) * m[lo + 2]
            + (n0 - 1) * (n1 - 1) * m[lo + 3]) / (n0 * n1) - m[7]


def power(df, var, effect, alpha):
    z = abs(effect) / np.sqrt(var)
    normal = stats.norm.sf(stats.norm.isf(alpha / 2) - z)
    if df >= 50:
        return normal
    d = int(np.floor(df))
    cutoff = stats.f.isf(alpha, 1, d)
    return 1 - stats.ncf.cdf(cutoff, 1, d - 1, effect * effect / var)


def pilot(path):
    mods, readers, neg, pos, sc = read_imrmc(path)
    sa = kernels(mods[0], readers, neg, pos, sc)
    sb = kernels(mods[1], readers, neg, pos, sc)
    ma, mab_ = moments(sa, sa)
    mb, mbb = moments(sb, sb)
    mab, mabb = moments(sa, sb)
    n0, n1, nr = len(neg), len(pos), len(readers)
    d = sa.mean(axis=(1, 2)) - sb.mean(axis=(1, 2))
    ms_tr = d.var(ddof=1) / 2
    return dict(m=(ma, mb, mab), bckb=bck(mab_) + bck(mbb) - 2 * bck(mabb), nr=nr, n0=n0, n1=n1,
                ms_tr=ms_tr)


def size(p, nr, n0, n1, effect, alpha):
    ma, mb, mab = p["m"]
    var = coefficients(nr, n0, n1) @ (ma + mb - 2 * mab)
    b = p["bckb"]
    sb = b[0] ** 2 / (n0 - 1) ** 3 + b[1] ** 2 / (n1 - 1) ** 3 + b[3] ** 2 / (nr - 1) ** 3
    df_bdg = max(var * var / sb, min(n0 - 1, n1 - 1, nr - 1), 2)
    pn0, pn1 = p["n0"], p["n1"]
    error = (reader_cov(ma, 0, pn0, pn1) + reader_cov(mb, 0, pn0, pn1)) / 2
    cov1 = reader_cov(mab, 0, pn0, pn1)
    cov2 = (reader_cov(ma, 4, pn0, pn1) + reader_cov(mb, 4, pn0, pn1)) / 2
    cov3 = reader_cov(mab, 4, pn0, pn1)
    k = (pn0 + pn1) / (n0 + n1)
    c23 = max(cov2 - cov3, 0)
    var_tr = p["ms_tr"] - error + cov1 + c23
    var_h = 2 / nr * (var_tr + k * (error - cov1 + (nr - 1) * c23))
    df_h = max(2, (nr - 1) * nr * nr * var_h ** 2 / 4 / (var_tr + k * (error - cov1 - c23)) ** 2)
    z = abs(effect) / np.sqrt(var)
    p_normal = stats.norm.sf(stats.norm.isf(alpha / 2) - z)
    return [var, df_bdg, p_normal, power(df_bdg, var, effect, alpha), var_h, df_h,
            power(df_h, var_h, effect, alpha)]


def main():
    r2 = pilot(DIR + "imrmc_doIMRMC_R2_input.imrmc")
    # the brute-force moments against iMRMC's printed ones (6 significant digits)
    names = {"testA": 0, "testB": 1, "testA.testB": 2}
    checked = 0
    for row in csv.DictReader(l for l in open(DIR + "imrmc_doIMRMC_R2.csv") if not l.startswith("#")):
        if row["table"] == "BDG.comp":
            got = r2["m"][names[row["modality_a"]]][int(row["quantity"][1:]) - 1]
            exp = float(row["value"])
            assert abs(got - exp) <= 5e-6 * abs(exp), (row, got)
            checked += 1
    assert checked == 24, checked
    vd = pilot(DIR + "vandyke.imrmc")
    grid = [(2, 20, 30), (3, 40, 40), (5, 40, 40), (5, 69, 45), (8, 100, 100), (10, 60, 40),
            (20, 300, 200), (4, 12, 8)]
    rows = []
    for study, p in (("imrmc_R2", r2), ("vandyke", vd)):
        for effect, alpha in ((0.05, 0.05), (0.1, 0.05), (0.08, 0.01)):
            for nr, n0, n1 in grid:
                rows.append([study, nr, n0, n1, effect, alpha] + size(p, nr, n0, n1, effect, alpha))
    with open(DIR + "mrmc_sizing.csv", "w") as f:
        f.write("# Sizing of the difference of the first two modalities from a fully crossed pilot,\n")
        f.write("# iMRMC 4's formulas reimplemented with numpy %s, scipy %s, Python %s\n"
                % (np.__version__, scipy.__version__, sys.version.split()[0]))
        f.write("# pilots: imrmc_R2 = imrmc_doIMRMC_R2_input.imrmc (testA - testB), "
                "vandyke = vandyke.imrmc (0 - 1)\n")
        f.write("# generated by: validation/src/test/python/mrmc_sizing_reference.py\n")
        f.write("study,readers,negatives,positives,effect,alpha,variance,df_bdg,power_normal,"
                "power_bdg,variance_hillis,df_hillis,power_hillis\n")
        for r in rows:
            f.write(",".join(str(x) if isinstance(x, (str, int)) else repr(float(x)) for x in r) + "\n")


main()
