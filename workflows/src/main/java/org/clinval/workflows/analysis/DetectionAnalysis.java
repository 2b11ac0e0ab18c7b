package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.detection.Candidate;
import org.clinval.validation.detection.Froc;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.detection.Lesion;
import org.clinval.validation.detection.MatchedDetections;
import org.clinval.validation.interval.Proportion;
import org.clinval.workflows.analysis.DetectionResults.Band;
import org.clinval.workflows.protocol.OperatingPoint;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The detection analysis over the validation module's LUNA16 matching ({@link MatchedDetections})
 * and FROC ({@link Froc}): the FROC and CPM over every candidate with a bootstrap over scans, and
 * at the operating threshold (a candidate is accepted when its score passes the protocol's
 * threshold by its rule) the lesion-level sensitivity with a binomial interval, the false positives
 * per scan with a bootstrap over scans, and the sensitivity per lesion-size band and per subgroup.
 * The one place these numbers are computed: {@code metrics.json}, the endpoints and the acceptance
 * steps all call it.
 *
 * <p>Size bands are of lesion diameter ({@code 2 × radius}) in mm, {@link #SIZE_BANDS_MM}: below 3,
 * 3–6, 6–10, 10–20, 20–30 and 30 or more, each including its lower bound.
 */
public final class DetectionAnalysis {

    /** Lower bounds (inclusive) of the lesion-diameter bands in mm; each ends at the next. */
    public static final List<Double> SIZE_BANDS_MM = List.of(0.0, 3.0, 6.0, 10.0, 20.0, 30.0);

    private DetectionAnalysis() {}

    /** Analyses {@code in} under {@code protocol}; {@code cases} give the subgroup attributes. */
    public static DetectionResults analyse(
            StudyProtocol protocol, List<CaseResult> cases, DetectionInputs in) {
        ConfidenceLevel level = protocol.statistics().level();
        BootstrapSpec spec = protocol.statistics().bootstrap(level);
        OperatingPoint op = protocol.operatingPoint();
        MatchedDetections all = matched(in);
        List<Candidate> accepted = accepted(in, op);
        Map<String, List<Band>> subgroups = new LinkedHashMap<>();
        for (String attribute : protocol.subgroups().attributes()) {
            TreeMap<String, Set<String>> groups = new TreeMap<>();
            for (CaseResult c : cases) {
                groups.computeIfAbsent(c.attribute(attribute), k -> new HashSet<>())
                        .add(c.caseId());
            }
            List<Band> list = new ArrayList<>();
            groups.forEach(
                    (value, scans) -> {
                        DetectionInputs part = in.of(scans);
                        list.add(
                                new Band(
                                        value,
                                        part.scans().size(),
                                        lesionSensitivity(part, op, level)));
                    });
            subgroups.put(attribute, list);
        }
        return new DetectionResults(
                Froc.of(all),
                Froc.bootstrap(all, spec),
                lesionSensitivity(in, op, level),
                fpPerScan(in, op, spec),
                accepted.size(),
                bySize(in, op, level),
                subgroups);
    }

    /** Returns the candidates matched to the lesions over all scans of {@code in}. */
    public static MatchedDetections matched(DetectionInputs in) {
        return MatchedDetections.of(in.candidates(), in.lesions(), in.scans().size());
    }

    /** Returns the candidates accepted at the operating point. */
    public static List<Candidate> accepted(DetectionInputs in, OperatingPoint op) {
        return in.candidates().stream()
                .filter(c -> op.rule().isPositive(c.score(), op.threshold()))
                .toList();
    }

    /**
     * Returns the lesion-level sensitivity at the operating point: lesions hit by an accepted
     * candidate (LUNA16's rule) over all lesions, a proportion over lesions.
     */
    public static Proportion lesionSensitivity(
            DetectionInputs in, OperatingPoint op, ConfidenceLevel level) {
        MatchedDetections d =
                MatchedDetections.of(accepted(in, op), in.lesions(), in.scans().size());
        return Proportion.of("lesion-level sensitivity", d.lesionsHit(), d.lesions(), level);
    }

    /** Returns the mean false-positive candidates per scan at the operating point. */
    public static CaseAggregate fpPerScan(
            DetectionInputs in, OperatingPoint op, BootstrapSpec spec) {
        Map<String, List<Candidate>> candidates = new HashMap<>();
        for (Candidate c : accepted(in, op)) {
            candidates.computeIfAbsent(c.scan(), k -> new ArrayList<>()).add(c);
        }
        Map<String, List<Lesion>> lesions = new HashMap<>();
        for (Lesion l : in.lesions()) {
            lesions.computeIfAbsent(l.scan(), k -> new ArrayList<>()).add(l);
        }
        double[] fp = new double[in.scans().size()];
        for (int i = 0; i < fp.length; i++) {
            List<Candidate> cs = candidates.getOrDefault(in.scans().get(i), List.of());
            fp[i] =
                    cs.isEmpty()
                            ? 0
                            : MatchedDetections.of(
                                            cs,
                                            lesions.getOrDefault(in.scans().get(i), List.of()),
                                            1)
                                    .falsePositives();
        }
        return CaseBootstrap.of("false positives per scan", Aggregate.MEAN, fp, spec, "");
    }

    /** Returns the FROC at {@code fpRates} over every candidate. */
    public static FrocResult froc(DetectionInputs in, List<Double> fpRates) {
        return Froc.of(matched(in), fpRates);
    }

    /** Returns the bootstrap over scans of the FROC at {@code fpRates}. */
    public static FrocBootstrap frocBootstrap(
            DetectionInputs in, List<Double> fpRates, BootstrapSpec spec) {
        return Froc.bootstrap(matched(in), fpRates, spec);
    }

    /** Returns the lesion-level sensitivity per diameter band ({@link #SIZE_BANDS_MM}). */
    public static List<Band> bySize(DetectionInputs in, OperatingPoint op, ConfidenceLevel level) {
        List<Band> out = new ArrayList<>();
        for (int b = 0; b < SIZE_BANDS_MM.size(); b++) {
            double lo = SIZE_BANDS_MM.get(b);
            double hi =
                    b + 1 < SIZE_BANDS_MM.size()
                            ? SIZE_BANDS_MM.get(b + 1)
                            : Double.POSITIVE_INFINITY;
            List<Lesion> band =
                    in.lesions().stream()
                            .filter(l -> 2 * l.radius() >= lo && 2 * l.radius() < hi)
                            .toList();
            DetectionInputs part = new DetectionInputs(in.scans(), in.candidates(), band);
            out.add(new Band(band(lo, hi), in.scans().size(), lesionSensitivity(part, op, level)));
        }
        return out;
    }

    static String band(double lo, double hi) {
        if (lo == 0) return "< " + mm(hi) + " mm";
        if (Double.isInfinite(hi)) return ">= " + mm(lo) + " mm";
        return mm(lo) + "-" + mm(hi) + " mm";
    }

    private static String mm(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
