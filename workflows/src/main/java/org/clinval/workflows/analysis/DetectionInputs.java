package org.clinval.workflows.analysis;

import java.util.List;
import org.clinval.validation.detection.Candidate;
import org.clinval.validation.detection.Lesion;

/**
 * What a detection study is analysed on: the scans (the rows of {@code case-results.csv}; a scan
 * without lesions or candidates counts), every candidate and every reference lesion.
 *
 * @param scans the scan (case) ids, in case-result order
 * @param candidates every candidate the device marked, at any score
 * @param lesions every reference lesion
 */
public record DetectionInputs(
        List<String> scans, List<Candidate> candidates, List<Lesion> lesions) {

    public DetectionInputs {
        scans = List.copyOf(scans);
        candidates = List.copyOf(candidates);
        lesions = List.copyOf(lesions);
        if (scans.isEmpty()) {
            throw new IllegalArgumentException("a detection study needs at least one scan");
        }
    }

    /** Returns the inputs of the scans in {@code keep} only, e.g. one subgroup. */
    public DetectionInputs of(java.util.Set<String> keep) {
        return new DetectionInputs(
                scans.stream().filter(keep::contains).toList(),
                candidates.stream().filter(c -> keep.contains(c.scan())).toList(),
                lesions.stream().filter(l -> keep.contains(l.scan())).toList());
    }
}
