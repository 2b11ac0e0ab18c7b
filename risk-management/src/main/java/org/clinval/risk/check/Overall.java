package org.clinval.risk.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Hazard;
import org.clinval.risk.OverallCriteria;
import org.clinval.risk.RiskManagementPlan;

/**
 * Judges the overall residual risk by the plan's criteria, on the residual risks with the effective
 * controls only.
 *
 * <p>A residual risk outside the acceptable region is accepted only when the register's
 * justification covers it: a reduction rationale for the investigate region, a benefit–risk
 * analysis for the unacceptable one (and only if the plan allows that), and in both cases only if
 * the risk is no worse than the residual risk the justification was written for. A control that is
 * not effective can so raise a risk beyond its justification.
 */
final class Overall {

    private Overall() {}

    static OverallResidualRisk evaluate(
            RiskManagementPlan plan,
            List<RiskAssessment> risks,
            List<ControlAssessment> controls,
            List<Gap> gaps,
            Optional<String> runId) {
        OverallCriteria criteria = plan.overall();
        Map<Acceptability, Integer> counts = new EnumMap<>(Acceptability.class);
        List<String> reasons = new ArrayList<>();
        for (RiskAssessment r : risks) {
            counts.merge(r.residualAcceptability(), 1, Integer::sum);
            reason(r, criteria).ifPresent(reasons::add);
        }
        int investigate = counts.getOrDefault(Acceptability.INVESTIGATE, 0);
        if (investigate > criteria.maxInvestigate()) {
            reasons.add(
                    investigate
                            + " residual risks call for further risk reduction; the plan allows at"
                            + " most "
                            + criteria.maxInvestigate());
        }
        String tally = tally(counts, risks.size(), criteria);
        OverallVerdict verdict;
        String statement;
        if (!reasons.isEmpty()) {
            verdict = OverallVerdict.NOT_ACCEPTABLE;
            statement =
                    "The overall residual risk is not acceptable by plan "
                            + plan.id()
                            + ": "
                            + reasons.size()
                            + (reasons.size() == 1 ? " criterion is" : " criteria are")
                            + " not met ("
                            + tally
                            + ")."
                            + notVerified(controls);
        } else if (!gaps.isEmpty()) {
            verdict = OverallVerdict.INCOMPLETE;
            statement =
                    "The overall residual risk cannot be judged acceptable yet: the residual risks"
                            + " meet the criteria of plan "
                            + plan.id()
                            + " ("
                            + tally
                            + "), but the risk management file has "
                            + gaps.size()
                            + (gaps.size() == 1 ? " gap" : " gaps")
                            + " to close."
                            + notVerified(controls);
        } else {
            verdict = OverallVerdict.ACCEPTABLE;
            statement =
                    "The overall residual risk is acceptable by plan "
                            + plan.id()
                            + " ("
                            + tally
                            + "); every risk control is verified as implemented and effective"
                            + verifiedBy(controls, runId)
                            + ".";
        }
        return new OverallResidualRisk(verdict, statement, reasons, counts, criteria.method());
    }

    /**
     * Returns how the controls are verified, e.g. {@code in run 7} or {@code : RCM-008 by signed
     * record, the others by the study in run 7}.
     */
    private static String verifiedBy(List<ControlAssessment> controls, Optional<String> runId) {
        List<String> byRecord =
                controls.stream()
                        .filter(c -> c.verification() == ControlVerification.VERIFIED_BY_RECORD)
                        .map(ControlAssessment::id)
                        .toList();
        String run = runId.map(id -> " in run " + id).orElse("");
        if (byRecord.isEmpty()) {
            return run;
        }
        if (byRecord.size() == controls.size()) {
            return " by signed record";
        }
        return ": "
                + String.join(", ", byRecord)
                + " by signed record, the others by the study"
                + run;
    }

    /**
     * Returns a sentence naming the controls that are not verified, with the cited records that are
     * missing or changed; empty when every control is verified.
     */
    private static String notVerified(List<ControlAssessment> controls) {
        List<String> out = new ArrayList<>();
        for (ControlAssessment c : controls) {
            if (c.effective()) continue;
            List<String> bad =
                    c.records().stream()
                            .filter(r -> !r.passed())
                            .map(r -> r.record().file() + " " + words(r.status()))
                            .toList();
            out.add(
                    c.id()
                            + (bad.isEmpty()
                                    ? ""
                                    : " (cited record " + String.join(", ", bad) + ")"));
        }
        if (out.isEmpty()) {
            return "";
        }
        return " Not verified, so their reductions are not credited: "
                + String.join(", ", out)
                + ".";
    }

    private static String words(RecordStatus status) {
        return switch (status) {
            case MATCHES -> "unchanged";
            case DIFFERS -> "changed since it was cited";
            case NOT_FOUND -> "not found";
            case UNREADABLE -> "unreadable";
        };
    }

    private static Optional<String> reason(RiskAssessment r, OverallCriteria criteria) {
        Hazard h = r.hazard();
        String risk = h.id() + ": the residual risk " + r.residual().label();
        String lost =
                r.notEffective().isEmpty()
                        ? ""
                        : " with " + String.join(", ", r.notEffective()) + " not effective";
        switch (r.residualAcceptability()) {
            case ACCEPTABLE:
                return Optional.empty();
            case INVESTIGATE:
                if (h.reductionRationale().isEmpty()) {
                    return Optional.of(
                            risk
                                    + lost
                                    + " calls for further risk reduction and no reduction"
                                    + " rationale covers it");
                }
                if (r.raised()) {
                    return Optional.of(
                            risk
                                    + lost
                                    + " is above the "
                                    + h.residual().label()
                                    + " its reduction rationale was written for");
                }
                return Optional.empty();
            case UNACCEPTABLE:
            default:
                if (!criteria.acceptUnacceptableWithBenefitRisk()) {
                    return Optional.of(
                            risk
                                    + lost
                                    + " is unacceptable and the plan accepts no unacceptable"
                                    + " residual risk");
                }
                if (h.benefitRisk().isEmpty()) {
                    return Optional.of(
                            risk
                                    + lost
                                    + " is unacceptable and no benefit-risk analysis covers it");
                }
                if (r.raised()) {
                    return Optional.of(
                            risk
                                    + lost
                                    + " is unacceptable and above the "
                                    + h.residual().label()
                                    + " its benefit-risk analysis was written for");
                }
                return Optional.empty();
        }
    }

    private static String tally(
            Map<Acceptability, Integer> counts, int total, OverallCriteria criteria) {
        return total
                + (total == 1 ? " residual risk: " : " residual risks: ")
                + counts.getOrDefault(Acceptability.ACCEPTABLE, 0)
                + " acceptable; "
                + counts.getOrDefault(Acceptability.INVESTIGATE, 0)
                + " in the investigate region, at most "
                + criteria.maxInvestigate()
                + " allowed; "
                + counts.getOrDefault(Acceptability.UNACCEPTABLE, 0)
                + " unacceptable, "
                + (criteria.acceptUnacceptableWithBenefitRisk()
                        ? "accepted only on a benefit-risk analysis"
                        : "none allowed");
    }
}
