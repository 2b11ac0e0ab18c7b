package org.clinval.reports.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;
import org.clinval.validation.detection.FrocPoint;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;

/**
 * The detection results of a detection study: the FROC over every candidate with its bootstrap over
 * scans, and at the operating threshold the lesion-level sensitivity, the false positives per scan
 * and the sensitivity per lesion-size band and subgroup.
 *
 * @param curve the FROC operating points by descending threshold (the origin excluded)
 * @param rates the sensitivity at each FP rate (1/8 to 8 per scan), ascending
 * @param cpm the mean of those sensitivities, empty without lesions
 * @param cpmCi its bootstrap interval over scans
 * @param scans scans, dividing the false positives
 * @param lesions reference lesions
 * @param candidates every candidate
 * @param falsePositives candidates hitting no lesion, at any threshold
 * @param frocMethod how the curve was read at each rate
 * @param lesionSensitivity lesions hit at the operating threshold over all lesions
 * @param ciMethod the interval of the proportions shown
 * @param fpPerScan mean false positives per scan at the operating threshold
 * @param fpPerScanCi its bootstrap interval over scans
 * @param candidatesAccepted candidates at or above the operating threshold
 * @param level the intervals' confidence level
 * @param replicates bootstrap replicates
 * @param seed bootstrap seed
 * @param sizeBands lesion-level sensitivity per band of lesion diameter
 * @param subgroups lesion-level sensitivity per subgroup
 * @param cases every scan's counts, in case-result order
 * @param undefinedReason why the FROC or its intervals are missing, if they are
 */
public record DetectionSection(
        List<FrocPoint> curve,
        List<FrocRateRow> rates,
        OptionalDouble cpm,
        Optional<Interval> cpmCi,
        int scans,
        int lesions,
        int candidates,
        int falsePositives,
        String frocMethod,
        Proportion lesionSensitivity,
        BinomialInterval ciMethod,
        OptionalDouble fpPerScan,
        Optional<Interval> fpPerScanCi,
        int candidatesAccepted,
        double level,
        int replicates,
        long seed,
        List<GroupRow> sizeBands,
        List<GroupRow> subgroups,
        List<DetectionCaseRow> cases,
        Optional<String> undefinedReason) {

    public DetectionSection {
        curve = Fields.list("FROC curve", curve);
        rates = Fields.list("FROC rates", rates);
        Fields.present("CPM", cpm);
        Fields.optional("CPM interval", cpmCi);
        Fields.nonNegative("scans", scans);
        Fields.nonNegative("lesions", lesions);
        Fields.nonNegative("candidates", candidates);
        Fields.nonNegative("false positives", falsePositives);
        Fields.present("FROC method", frocMethod);
        Fields.present("lesion sensitivity", lesionSensitivity);
        Fields.present("interval method", ciMethod);
        Fields.present("FP per scan", fpPerScan);
        Fields.optional("FP per scan interval", fpPerScanCi);
        sizeBands = Fields.list("size bands", sizeBands);
        subgroups = Fields.list("detection subgroups", subgroups);
        cases = Fields.list("detection cases", cases);
        Fields.optional("FROC undefined reason", undefinedReason);
        if (cases.size() != scans) {
            throw new IllegalArgumentException(
                    "the detection lists " + cases.size() + " scans but counts " + scans);
        }
    }
}
