package org.clinval.workflows.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.interval.Proportion;

/**
 * The detection analysis of a study: the FROC over every candidate with bootstrap intervals over
 * scans, and at the operating threshold the lesion-level sensitivity, the false positives per scan,
 * the sensitivity per lesion-size band and per subgroup.
 *
 * @param froc the FROC at LUNA16's FP rates (1/8 to 8 per scan) and the CPM
 * @param frocBootstrap their bootstrap over scans at the protocol's table level
 * @param lesionSensitivity lesions hit by a candidate at the operating threshold over all lesions
 * @param fpPerScan mean false-positive candidates per scan at the operating threshold, with its
 *     bootstrap over scans
 * @param candidatesAccepted candidates at or above the operating threshold (by its rule)
 * @param sizeBands the lesion-level sensitivity per band of lesion diameter ({@link
 *     DetectionAnalysis#SIZE_BANDS_MM})
 * @param subgroups the lesion-level sensitivity per value of each protocol subgroup attribute
 */
public record DetectionResults(
        FrocResult froc,
        FrocBootstrap frocBootstrap,
        Proportion lesionSensitivity,
        CaseAggregate fpPerScan,
        int candidatesAccepted,
        List<Band> sizeBands,
        Map<String, List<Band>> subgroups) {

    public DetectionResults {
        sizeBands = List.copyOf(sizeBands);
        subgroups = Collections.unmodifiableMap(new LinkedHashMap<>(subgroups));
    }

    /**
     * The lesion-level sensitivity of some of the lesions: a size band or the scans of a subgroup.
     *
     * @param group e.g. {@code 6-10 mm} or {@code Siemens}
     * @param scans scans in the group (all scans for a size band)
     * @param sensitivity lesions hit at the operating threshold over the group's lesions
     */
    public record Band(String group, int scans, Proportion sensitivity) {}
}
