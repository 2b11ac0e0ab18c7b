package org.clinval.risk.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clinval.risk.Hazard;
import org.clinval.risk.Requirement;
import org.clinval.risk.RiskControl;
import org.clinval.risk.check.ControlAssessment;
import org.clinval.risk.check.EvidenceCheck;
import org.clinval.risk.check.Gap;
import org.clinval.risk.check.RecordCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ResultsSource;

/**
 * The traceability matrix of a risk check, with its gaps.
 *
 * <p>Rows, in requirements order: for each requirement, each control it implements × each hazard
 * that control is applied to × each piece of the control's evidence × each scenario it matched,
 * then each record the control cites (one row each, with the outcome of its hash check); then the
 * requirement's own verification (declared references, then scenarios found by its tag, then the
 * records it cites). A link that is missing gives one row with the rest empty. Hazards with no
 * control close the matrix, one row each, so that every hazard appears.
 *
 * @param rows the rows
 * @param gaps the gaps of the check
 */
public record TraceabilityMatrix(List<TraceRow> rows, List<Gap> gaps) {

    public TraceabilityMatrix {
        rows = List.copyOf(rows);
        gaps = List.copyOf(gaps);
    }

    /**
     * Lays out {@code report}; {@code results}, the source the report was checked against, fills
     * the measured values.
     */
    public static TraceabilityMatrix of(RiskCheckReport report, Optional<ResultsSource> results) {
        Objects.requireNonNull(results, "results");
        List<TraceRow> rows = new ArrayList<>();
        for (Requirement r : report.file().requirements()) {
            for (RiskControl c : report.file().register().controls()) {
                if (!c.requirements().contains(r.id())) continue;
                ControlAssessment a = report.control(c.id()).orElseThrow();
                List<Measurement> m = measurements(results, r.id(), c.id());
                for (Hazard h : report.file().register().hazardsControlledBy(c.id())) {
                    List<EvidenceCheck> evidence = new ArrayList<>(a.implementation());
                    evidence.addAll(a.effectiveness());
                    if (evidence.isEmpty() && a.records().isEmpty()) {
                        rows.add(row(r.id(), h.id(), c.id(), null, report, m));
                    }
                    for (EvidenceCheck e : evidence) {
                        addRows(rows, r.id(), h.id(), c.id(), e, report, m);
                    }
                    for (RecordCheck rc : a.records()) {
                        rows.add(recordRow(r.id(), h.id(), c.id(), rc, report, m));
                    }
                }
            }
            List<Measurement> m = measurements(results, r.id());
            List<EvidenceCheck> own =
                    report.requirements().stream().filter(e -> e.subject().equals(r.id())).toList();
            List<RecordCheck> records =
                    report.requirementRecords().stream()
                            .filter(c -> c.subject().equals(r.id()))
                            .toList();
            if (own.isEmpty() && records.isEmpty()) {
                rows.add(row(r.id(), null, null, null, report, m));
            }
            for (EvidenceCheck e : own) {
                addRows(rows, r.id(), null, null, e, report, m);
            }
            for (RecordCheck rc : records) {
                rows.add(recordRow(r.id(), null, null, rc, report, m));
            }
        }
        for (Hazard h : report.file().register().hazards()) {
            if (h.controls().isEmpty()) {
                rows.add(row(null, h.id(), null, null, report, List.of()));
            }
        }
        return new TraceabilityMatrix(rows, report.gaps());
    }

    private static void addRows(
            List<TraceRow> rows,
            String requirement,
            String hazard,
            String control,
            EvidenceCheck e,
            RiskCheckReport report,
            List<Measurement> m) {
        if (e.scenarios().isEmpty()) {
            rows.add(row(requirement, hazard, control, e, report, m));
            return;
        }
        e.scenarios()
                .forEach(
                        s ->
                                rows.add(
                                        new TraceRow(
                                                Optional.ofNullable(requirement),
                                                Optional.ofNullable(hazard),
                                                Optional.ofNullable(control),
                                                Optional.of(e.purpose()),
                                                Optional.of(e.reference()),
                                                Optional.of(s),
                                                Optional.of(e.status()),
                                                report.runId(),
                                                m)));
    }

    private static TraceRow recordRow(
            String requirement,
            String hazard,
            String control,
            RecordCheck rc,
            RiskCheckReport report,
            List<Measurement> m) {
        return new TraceRow(
                Optional.ofNullable(requirement),
                Optional.ofNullable(hazard),
                Optional.ofNullable(control),
                Optional.of(rc.purpose()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                report.runId(),
                m,
                Optional.of(rc));
    }

    private static TraceRow row(
            String requirement,
            String hazard,
            String control,
            EvidenceCheck e,
            RiskCheckReport report,
            List<Measurement> m) {
        return new TraceRow(
                Optional.ofNullable(requirement),
                Optional.ofNullable(hazard),
                Optional.ofNullable(control),
                Optional.ofNullable(e).map(EvidenceCheck::purpose),
                Optional.ofNullable(e).map(EvidenceCheck::reference),
                Optional.empty(),
                Optional.ofNullable(e).map(EvidenceCheck::status),
                report.runId(),
                m);
    }

    private static List<Measurement> measurements(Optional<ResultsSource> results, String... ids) {
        if (results.isEmpty()) {
            return List.of();
        }
        Set<Measurement> out = new LinkedHashSet<>();
        for (String id : ids) out.addAll(results.get().measurements(id));
        return List.copyOf(out);
    }
}
