package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.clinval.reports.internal.RiskText;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Level;
import org.clinval.risk.OverallCriteria;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.RiskManagementPlan;
import org.clinval.risk.Scale;

/**
 * Section 1 of the risk management report, the plan's criteria: its two scales, the acceptability
 * matrix as a coloured grid, the plan's wording of each region and its criteria for the overall
 * residual risk. Also lays out the grids of section 2.
 */
final class RiskPlanRows {

    /**
     * The most probability levels a grid shows as columns; a plan with more prints its matrix as
     * one line per severity level.
     */
    static final int GRID_SLOTS = 7;

    private RiskPlanRows() {}

    static void add(RiskRows rows, RiskManagementFile file) {
        RiskManagementPlan plan = file.plan();
        rows.section(
                1,
                "Plan "
                        + plan.id()
                        + plan.version().map(v -> " version " + v).orElse("")
                        + ": "
                        + plan.title()
                        + ". Read from "
                        + file.sources().plan()
                        + ".");
        scale(rows, "Severity of harm", plan.severity());
        scale(rows, "Probability of occurrence of harm", plan.probability());
        rows.table(
                "Acceptability matrix",
                "The region of each combination of severity (rows, most severe first) and"
                        + " probability of occurrence of harm (columns).");
        grid(rows, plan, (s, p) -> RiskText.region(plan.matrix().of(estimate(s, p))));
        rows.table("Regions of the matrix", null);
        for (Map.Entry<Acceptability, String> d : plan.definitions().entrySet()) {
            Map<String, Object> row = rows.add("region");
            row.put("rgRegion", RiskText.region(d.getKey()));
            row.put("rgText", d.getValue());
        }
        OverallCriteria c = plan.overall();
        rows.table("Criteria for the overall residual risk", null);
        rows.pair("Method", c.method());
        rows.pair(
                "Investigate region",
                "at most " + c.maxInvestigate() + " residual risks may remain in it");
        rows.pair(
                "Unacceptable region",
                c.acceptUnacceptableWithBenefitRisk()
                        ? "a residual risk may remain in it only on a documented benefit-risk"
                                + " analysis (ISO 14971:2019 \u00a77.4)"
                        : "no residual risk may remain in it");
    }

    private static void scale(RiskRows rows, String title, Scale scale) {
        rows.table(title, null);
        for (Level l : scale.levels()) {
            Map<String, Object> row = rows.add("level");
            row.put("lvId", l.id());
            row.put("lvName", l.name());
            row.put("lvText", l.description());
        }
    }

    /**
     * Adds the plan's matrix as a grid to the current table: a header row of probability levels,
     * then one row per severity level, most severe first, each cell coloured by its region and
     * showing {@code text.apply(severity, probability)}.
     */
    static void grid(
            RiskRows rows, RiskManagementPlan plan, BiFunction<Level, Level, String> text) {
        List<Level> probabilities = plan.probability().levels();
        List<Level> severities = new ArrayList<>(plan.severity().levels());
        Collections.reverse(severities);
        if (probabilities.size() > GRID_SLOTS) {
            for (Level s : severities) {
                List<String> cells = new ArrayList<>();
                for (Level p : probabilities) {
                    String t = text.apply(s, p);
                    cells.add(
                            p.id()
                                    + " "
                                    + RiskText.region(plan.matrix().of(estimate(s, p)))
                                    + (t.isEmpty() ? "" : ": " + t));
                }
                rows.pair(RiskText.level(s), String.join("; ", cells));
            }
            return;
        }
        Map<String, Object> head = rows.add("gridHead");
        head.put("gLabel", "Severity \\ probability");
        for (int i = 0; i < probabilities.size(); i++) {
            Level p = probabilities.get(i);
            head.put("g" + (i + 1), p.id() + "\n" + p.name());
        }
        for (Level s : severities) {
            Map<String, Object> row = rows.add("grid");
            row.put("gLabel", RiskText.level(s));
            for (int i = 0; i < probabilities.size(); i++) {
                Level p = probabilities.get(i);
                row.put("g" + (i + 1), text.apply(s, p));
                row.put("r" + (i + 1), RiskText.region(plan.matrix().of(estimate(s, p))));
            }
        }
    }

    private static RiskEstimate estimate(Level severity, Level probability) {
        return new RiskEstimate(severity, probability);
    }
}
