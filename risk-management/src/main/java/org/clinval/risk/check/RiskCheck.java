package org.clinval.risk.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Hazard;
import org.clinval.risk.HazardControl;
import org.clinval.risk.Requirement;
import org.clinval.risk.RiskControl;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.RiskManagementPlan;
import org.clinval.risk.ScenarioRef;
import org.clinval.risk.VerificationRecord;
import org.clinval.risk.postproduction.Investigation;
import org.clinval.risk.postproduction.PostProductionInformation;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.ScenarioResult;

/**
 * Checks a risk management file against the results of a study run.
 *
 * <ol>
 *   <li>Each control's evidence is checked: a control is effective when it has verification of both
 *       its implementation and its effectiveness, every referenced scenario exists in the run and
 *       passed, and every cited record's file exists (relative to the risk file) and hashes to the
 *       SHA-256 the risk file states. It is then verified by the study (scenarios only) or by
 *       record (at least one record); otherwise it is not verified ({@link ControlVerification}).
 *       Without a run no scenario is confirmed, and only a control verified by records alone is
 *       effective.
 *   <li>Each risk is evaluated before control, as claimed after control, and with the effective
 *       controls only: the reduction of a control that is not effective is dropped, as if the
 *       control were absent (see {@link org.clinval.risk.HazardControl}).
 *   <li>Completeness: every unacceptable initial risk has a control; every control lists both
 *       verifications; every reference is found and passed in the run; every requirement is traced
 *       to a scenario (declared or tagged with its id) and each of its scenarios passed; no
 *       scenario carries an id-shaped tag that names nothing; each claimed residual risk carries
 *       the justification its region requires.
 *   <li>Post-production information (§10): a control verified by the metric of an alarm whose
 *       post-market investigation is open is under investigation, a gap until it is closed.
 *   <li>The overall residual risk is judged by the plan's criteria ({@link OverallResidualRisk}).
 * </ol>
 */
public final class RiskCheck {

    private final RiskManagementFile file;
    private final Optional<ResultsSource> results;
    private final PostProductionInformation postProduction;
    private final Evidence evidence;
    private final Records records;
    private final Records requirementRecords;

    private RiskCheck(
            RiskManagementFile file,
            Optional<ResultsSource> results,
            PostProductionInformation postProduction) {
        this.file = file;
        this.results = results;
        this.postProduction = postProduction;
        this.evidence = new Evidence(results);
        Path register = Path.of(file.sources().register()).toAbsolutePath();
        this.records = new Records(register.getParent());
        Path requirements = Path.of(file.sources().requirements()).toAbsolutePath();
        this.requirementRecords = new Records(requirements.getParent());
    }

    /** Checks {@code file} against {@code results}, or without results when empty. */
    public static RiskCheckReport check(RiskManagementFile file, Optional<ResultsSource> results) {
        return check(file, results, PostProductionInformation.none());
    }

    /**
     * Checks {@code file} against {@code results} and the post-production information: a control
     * verified by the metric of an alarm whose investigation is open is under investigation, a gap
     * until the investigation is closed; closed investigations are listed as reviewed.
     */
    public static RiskCheckReport check(
            RiskManagementFile file,
            Optional<ResultsSource> results,
            PostProductionInformation postProduction) {
        return new RiskCheck(file, results, postProduction).run();
    }

    private RiskCheckReport run() {
        List<Gap> gaps = new ArrayList<>();
        if (results.isEmpty()) {
            gaps.add(
                    new Gap(
                            GapKind.RESULTS_MISSING,
                            file.register().id(),
                            "no study run given: no scenario is confirmed and every risk"
                                    + " control verified by scenarios counts as not effective"));
        }
        List<Gap> controlGaps = new ArrayList<>();
        Map<String, ControlAssessment> controls = new LinkedHashMap<>();
        for (RiskControl c : file.register().controls()) {
            controls.put(c.id(), assess(c, controlGaps));
        }
        List<RiskAssessment> risks = new ArrayList<>();
        for (Hazard h : file.register().hazards()) {
            RiskAssessment r = evaluate(h, controls);
            risks.add(r);
            gaps.addAll(hazardGaps(r));
        }
        gaps.addAll(controlGaps);
        List<EvidenceCheck> requirements = new ArrayList<>();
        List<RecordCheck> cited = new ArrayList<>();
        file.requirements().forEach(r -> requirements.addAll(trace(r, cited, gaps)));
        gaps.addAll(unknownTags());
        OverallResidualRisk overall =
                Overall.evaluate(
                        file.plan(),
                        risks,
                        List.copyOf(controls.values()),
                        gaps,
                        results.map(ResultsSource::runId));
        return new RiskCheckReport(
                file,
                results.map(ResultsSource::runId),
                results.map(ResultsSource::location),
                risks,
                List.copyOf(controls.values()),
                requirements,
                gaps,
                overall,
                postProduction,
                cited);
    }

    private ControlAssessment assess(RiskControl c, List<Gap> gaps) {
        List<String> reasons = new ArrayList<>();
        if (c.implementation().isEmpty() && c.implementationRecords().isEmpty()) {
            reasons.add("no verification of implementation");
            gaps.add(
                    new Gap(
                            GapKind.NO_IMPLEMENTATION_VERIFICATION,
                            c.id(),
                            c.id()
                                    + " lists no scenario or record verifying that it is"
                                    + " implemented"));
        }
        if (c.effectiveness().isEmpty() && c.effectivenessRecords().isEmpty()) {
            reasons.add("no verification of effectiveness");
            gaps.add(
                    new Gap(
                            GapKind.NO_EFFECTIVENESS_VERIFICATION,
                            c.id(),
                            c.id()
                                    + " lists no scenario or record verifying that it reduces the"
                                    + " risk"));
        }
        List<EvidenceCheck> impl = checks(Purpose.IMPLEMENTATION, c.id(), c.implementation(), gaps);
        List<EvidenceCheck> eff = checks(Purpose.EFFECTIVENESS, c.id(), c.effectiveness(), gaps);
        for (EvidenceCheck e : concat(impl, eff)) {
            if (!e.passed()) {
                reasons.add(e.purpose().key() + " " + e.reference().describe() + ": " + e.detail());
            }
        }
        List<RecordCheck> implRecords =
                recordChecks(
                        records, Purpose.IMPLEMENTATION, c.id(), c.implementationRecords(), gaps);
        List<RecordCheck> effRecords =
                recordChecks(
                        records, Purpose.EFFECTIVENESS, c.id(), c.effectivenessRecords(), gaps);
        for (RecordCheck r : concat(implRecords, effRecords)) {
            if (!r.passed()) {
                reasons.add(r.purpose().key() + " record " + r.record().file() + ": " + r.detail());
            }
        }
        ControlVerification verification =
                !reasons.isEmpty()
                        ? ControlVerification.NOT_VERIFIED
                        : c.records().isEmpty()
                                ? ControlVerification.VERIFIED_BY_STUDY
                                : ControlVerification.VERIFIED_BY_RECORD;
        List<Investigation> open = postProduction.openOn(c.id());
        for (Investigation i : open) {
            gaps.add(
                    new Gap(
                            GapKind.CONTROL_UNDER_INVESTIGATION,
                            c.id(),
                            c.id()
                                    + " is under investigation "
                                    + i.describe()
                                    + ": post-production information questions its"
                                    + " effectiveness until the investigation is closed"));
        }
        return new ControlAssessment(
                c,
                verification,
                impl,
                eff,
                implRecords,
                effRecords,
                reasons,
                open.stream().map(Investigation::id).toList());
    }

    private static List<RecordCheck> recordChecks(
            Records records,
            Purpose purpose,
            String subject,
            List<VerificationRecord> cited,
            List<Gap> gaps) {
        List<RecordCheck> out = new ArrayList<>();
        for (VerificationRecord r : cited) {
            RecordCheck check = records.check(purpose, subject, r);
            out.add(check);
            GapKind kind =
                    switch (check.status()) {
                        case MATCHES -> null;
                        case NOT_FOUND -> GapKind.RECORD_NOT_FOUND;
                        case DIFFERS -> GapKind.RECORD_CHANGED;
                        case UNREADABLE -> GapKind.RECORD_UNREADABLE;
                    };
            if (kind != null) {
                gaps.add(
                        new Gap(
                                kind,
                                subject,
                                subject
                                        + (purpose == Purpose.REQUIREMENT
                                                ? ""
                                                : " " + purpose.key())
                                        + " record "
                                        + r.file()
                                        + " (\""
                                        + r.title()
                                        + "\"): "
                                        + check.detail()
                                        + "; it verifies nothing until the record is restored or"
                                        + " cited anew"));
            }
        }
        return out;
    }

    private List<EvidenceCheck> checks(
            Purpose purpose, String subject, List<ScenarioRef> refs, List<Gap> gaps) {
        List<EvidenceCheck> out = new ArrayList<>();
        for (ScenarioRef ref : refs) {
            EvidenceCheck e = evidence.check(purpose, subject, ref);
            out.add(e);
            gap(e).ifPresent(gaps::add);
        }
        return out;
    }

    /**
     * Returns the gap a failed check is, if any; without results the one RESULTS_MISSING stands.
     */
    private static Optional<Gap> gap(EvidenceCheck e) {
        GapKind kind =
                switch (e.status()) {
                    case PASSED, NO_RESULTS -> null;
                    case NOT_FOUND -> GapKind.SCENARIO_NOT_FOUND;
                    case NOT_PASSED -> GapKind.SCENARIO_NOT_PASSED;
                    case OTHER_RUN -> GapKind.OTHER_RUN;
                };
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Gap(
                        kind,
                        e.subject(),
                        e.subject()
                                + " "
                                + e.purpose().key()
                                + " evidence "
                                + e.reference().describe()
                                + ": "
                                + e.detail()));
    }

    private RiskAssessment evaluate(Hazard h, Map<String, ControlAssessment> controls) {
        RiskManagementPlan plan = file.plan();
        RiskEstimate residual = h.riskWith(id -> controls.get(id).effective());
        List<ControlEffect> effects = new ArrayList<>();
        for (HazardControl hc : h.controls()) {
            ControlAssessment c = controls.get(hc.control());
            effects.add(new ControlEffect(hc, c.control().kind(), c.effective()));
        }
        return new RiskAssessment(
                h,
                plan.evaluate(h.initial()),
                plan.evaluate(h.residual()),
                residual,
                plan.evaluate(residual),
                effects);
    }

    private static List<Gap> hazardGaps(RiskAssessment r) {
        Hazard h = r.hazard();
        List<Gap> out = new ArrayList<>();
        if (r.initialAcceptability() == Acceptability.UNACCEPTABLE && h.controls().isEmpty()) {
            out.add(
                    new Gap(
                            GapKind.UNCONTROLLED_RISK,
                            h.id(),
                            h.id()
                                    + ": the initial risk "
                                    + h.initial().label()
                                    + " is unacceptable and no risk control measure is applied"));
        }
        if (r.claimedAcceptability() == Acceptability.INVESTIGATE
                && h.reductionRationale().isEmpty()) {
            out.add(
                    new Gap(
                            GapKind.NO_REDUCTION_RATIONALE,
                            h.id(),
                            h.id()
                                    + ": the residual risk "
                                    + h.residual().label()
                                    + " calls for further risk reduction and the register does"
                                    + " not record why no further control is practicable"
                                    + " (reduction_rationale)"));
        }
        if (r.claimedAcceptability() == Acceptability.UNACCEPTABLE && h.benefitRisk().isEmpty()) {
            out.add(
                    new Gap(
                            GapKind.NO_BENEFIT_RISK,
                            h.id(),
                            h.id()
                                    + ": the residual risk "
                                    + h.residual().label()
                                    + " stays unacceptable and the register records no"
                                    + " benefit-risk analysis (benefit_risk)"));
        }
        return out;
    }

    private List<EvidenceCheck> trace(Requirement r, List<RecordCheck> cited, List<Gap> gaps) {
        List<EvidenceCheck> out = checks(Purpose.REQUIREMENT, r.id(), r.verifiedBy(), gaps);
        cited.addAll(
                recordChecks(requirementRecords, Purpose.REQUIREMENT, r.id(), r.records(), gaps));
        List<ScenarioResult> tagged = List.of();
        if (results.isPresent()) {
            tagged =
                    results.get().scenarios().stream()
                            .filter(s -> s.tags().contains(r.tag()))
                            .filter(
                                    s ->
                                            r.verifiedBy().stream()
                                                    .noneMatch(ref -> Evidence.matches(ref, s)))
                            .toList();
        }
        if (!tagged.isEmpty()) {
            EvidenceCheck e =
                    Evidence.judged(
                            Purpose.REQUIREMENT,
                            r.id(),
                            ScenarioRef.ofTag(r.tag()),
                            false,
                            tagged,
                            results.get().runId());
            out.add(e);
            gap(e).ifPresent(gaps::add);
        }
        if (out.isEmpty() && r.records().isEmpty()) {
            gaps.add(
                    new Gap(
                            GapKind.REQUIREMENT_NOT_TRACED,
                            r.id(),
                            r.id()
                                    + " is traced to no scenario: none is listed under its"
                                    + " verified_by"
                                    + (results.isPresent()
                                            ? " and no scenario of run "
                                                    + results.get().runId()
                                                    + " is tagged "
                                                    + r.tag()
                                            : " and no run was given to find scenarios tagged "
                                                    + r.tag())));
        }
        return out;
    }

    /**
     * Reports tags shaped like the file's ids (same prefix up to the first '-') that name nothing:
     * usually a renamed or deleted requirement, hazard or control still cited by a scenario.
     */
    private List<Gap> unknownTags() {
        List<Gap> gaps = new ArrayList<>();
        if (results.isEmpty()) {
            return gaps;
        }
        Set<String> ids = new HashSet<>();
        file.requirements().forEach(r -> ids.add(r.id()));
        file.register().hazards().forEach(h -> ids.add(h.id()));
        file.register().controls().forEach(c -> ids.add(c.id()));
        Set<String> prefixes = new HashSet<>();
        for (String id : ids) {
            int dash = id.indexOf('-');
            if (dash > 0) prefixes.add(id.substring(0, dash + 1));
        }
        Map<String, List<ScenarioResult>> unknown = new LinkedHashMap<>();
        for (ScenarioResult s : results.get().scenarios()) {
            for (String tag : s.tags()) {
                String bare = tag.substring(1);
                if (!ids.contains(bare) && prefixes.stream().anyMatch(bare::startsWith)) {
                    unknown.computeIfAbsent(tag, t -> new ArrayList<>()).add(s);
                }
            }
        }
        unknown.forEach(
                (tag, scenarios) ->
                        gaps.add(
                                new Gap(
                                        GapKind.UNKNOWN_TAG,
                                        tag,
                                        tag
                                                + " names no requirement, hazard or control of the"
                                                + " file, yet tags "
                                                + scenarios.get(0).describe()
                                                + (scenarios.size() > 1
                                                        ? " and " + (scenarios.size() - 1) + " more"
                                                        : ""))));
        return gaps;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
