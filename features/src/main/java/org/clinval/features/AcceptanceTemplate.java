package org.clinval.features;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Criterion;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.Subgroups;

/**
 * Drafts the acceptance criteria of a study from its protocol's endpoints, in the step language of
 * {@value AcceptanceRun#GLUE}: one scenario per endpoint with the same goals, one outline that
 * every subgroup too small to inform is reported as such, and the integrity of the run. The
 * requirement and risk ids are the team's to give: each scenario has a commented tag line where
 * they go.
 */
public final class AcceptanceTemplate {

    /** The file name a drafted feature is written under. */
    public static final String FILE_NAME = "acceptance.feature";

    private static final Map<String, String> ATTRIBUTE_WORDS =
            Map.of(
                    "site", "site",
                    "manufacturer", "scanner manufacturer",
                    "sex", "sex",
                    "age_band", "age band");

    private AcceptanceTemplate() {}

    /** Returns the feature text for study {@code studyId}. */
    public static String write(String studyId, List<Endpoint> endpoints, Subgroups subgroups) {
        String id = oneLine(studyId);
        List<String> y = new ArrayList<>();
        y.add("# Acceptance criteria of study " + id + ", drafted from its protocol: one scenario");
        y.add(
                "# per endpoint with the protocol's goals, each value recomputed from the run's case");
        y.add("# results at the protocol's operating point. Keep the numbers equal to the");
        y.add("# protocol's. Above each scenario, '# @REQ-…' marks where the ids it verifies go");
        y.add("# (requirements, risk controls, hazards of the risk management file, e.g.");
        y.add("# @REQ-PERF-001 @RCM-001 @HAZ-001): write them and remove the '#'; the risk check");
        y.add("# traces them.");
        y.add("Feature: Acceptance criteria of study " + id);
        y.add("");
        y.add("  Background:");
        y.add("    Given the validation study of this run");
        for (Endpoint e : endpoints) {
            y.add("");
            endpoint(y, e);
        }
        List<String> attributes =
                subgroups.attributes().stream().filter(ATTRIBUTE_WORDS::containsKey).toList();
        if (!attributes.isEmpty()) {
            int n = subgroups.minPerClass();
            y.add("");
            y.add("  # @REQ-…");
            y.add("  Scenario Outline: Every <attribute> subgroup too small to inform is listed");
            y.add(
                    "    Then every <attribute> subgroup with fewer than "
                            + n
                            + " positives is"
                            + " reported as not informative");
            y.add(
                    "    And every <attribute> subgroup with fewer than "
                            + n
                            + " negatives is"
                            + " reported as not informative");
            y.add("");
            y.add("    Examples:");
            int width = "attribute".length();
            for (String a : attributes) width = Math.max(width, ATTRIBUTE_WORDS.get(a).length());
            y.add("      | " + pad("attribute", width) + " |");
            for (String a : attributes)
                y.add("      | " + pad(ATTRIBUTE_WORDS.get(a), width) + " |");
        }
        y.add("");
        y.add("  # @REQ-…");
        y.add("  Scenario: The results come from the locked inputs and the trail is intact");
        y.add("    Then every input locked for the study still has its locked SHA-256");
        y.add("    And the metrics were computed from these case results");
        y.add("    And the audit trail of the run verifies from the first entry to the last");
        y.add("");
        y.add("  # @REQ-…");
        y.add("  Scenario: Every case set aside is quarantined with its reason");
        y.add("    Then every quarantined case has a reason");
        return String.join("\n", y) + "\n";
    }

    private static void endpoint(List<String> y, Endpoint e) {
        Criterion c = e.criterion();
        String role = e.role().name().toLowerCase(java.util.Locale.ROOT);
        y.add("  # " + oneLine(e.id()) + " (" + role + "): " + c.describe());
        if (c.measure().isReaderStudy()) {
            y.add(
                    "  # It is judged on the reader study (reader_study), which has no step: the run's");
            y.add("  # report shows it in its Reader study (MRMC) section.");
            return;
        }
        OptionalDouble lower = c.ciLowerMin();
        boolean intervalStep = lower.isPresent() && stepName(c.ciMethod()) != null;
        // The interval step reads the value measured just before it, so a criterion with only a
        // lower bound measures the estimate against that bound, which the bound implies.
        OptionalDouble estimate =
                c.estimateMin().isPresent() || !intervalStep ? c.estimateMin() : lower;
        if (lower.isPresent() && !intervalStep) {
            y.add(
                    "  # Its "
                            + c.ciMethod().key()
                            + " interval has no step: the run's report shows"
                            + " it"
                            + (estimate.isPresent() ? "; the estimate is checked here." : "."));
        }
        if (estimate.isEmpty()) {
            return;
        }
        y.add(
                "  # @REQ-…   (the protocol's "
                        + oneLine(e.id())
                        + " verifies "
                        + oneLine(String.join(", ", e.requirements()))
                        + ")");
        y.add("  Scenario: " + oneLine(e.id() + " " + e.name()));
        y.add("    Then " + measured(c.measure()) + " is at least " + num(estimate.getAsDouble()));
        if (intervalStep) {
            y.add(
                    "    And the lower bound of its "
                            + BigDecimal.valueOf(c.level().value())
                                    .movePointRight(2)
                                    .stripTrailingZeros()
                                    .toPlainString()
                            + "% "
                            + stepName(c.ciMethod())
                            + " interval is at least "
                            + num(lower.getAsDouble()));
        }
    }

    private static String measured(Measure m) {
        return switch (m) {
            case AUC -> "the AUC";
            case PPV -> "the positive predictive value at the operating point";
            case NPV -> "the negative predictive value at the operating point";
            default -> "the " + m.key() + " at the operating point";
        };
    }

    /** The interval's name in the steps, or null for the bootstrap, which has no step. */
    private static String stepName(CiMethod m) {
        return switch (m) {
            case CLOPPER_PEARSON -> "Clopper-Pearson";
            case WILSON -> "Wilson";
            case JEFFREYS -> "Jeffreys";
            case DELONG -> "DeLong";
            default -> null;
        };
    }

    static String num(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /** Text from a protocol stays on its line of the feature file. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
    }
}
