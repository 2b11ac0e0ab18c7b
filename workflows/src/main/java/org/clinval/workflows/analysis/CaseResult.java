package org.clinval.workflows.analysis;

/**
 * The result of one case: its attributes, its reference label and the model's score and call.
 *
 * @param caseId the case identifier
 * @param site acquisition site
 * @param manufacturer scanner manufacturer
 * @param sex patient sex as recorded (de-identified data keep it)
 * @param ageBand age band, e.g. {@code 60-74}
 * @param label reference-standard label
 * @param score the model's score, finite
 * @param prediction the model's call at the protocol's operating point
 */
public record CaseResult(
        String caseId,
        String site,
        String manufacturer,
        String sex,
        String ageBand,
        String label,
        double score,
        boolean prediction) {

    public CaseResult {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException(
                    "score of case " + caseId + " is not finite: " + score);
        }
    }

    /** Returns the value of a subgroup attribute: site, manufacturer, sex or age_band. */
    public String attribute(String name) {
        return switch (name) {
            case "site" -> site;
            case "manufacturer" -> manufacturer;
            case "sex" -> sex;
            case "age_band" -> ageBand;
            default -> throw new IllegalArgumentException("case attribute is not known: " + name);
        };
    }
}
