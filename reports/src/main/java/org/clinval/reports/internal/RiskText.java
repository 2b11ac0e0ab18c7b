package org.clinval.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinval.risk.Acceptability;
import org.clinval.risk.ControlKind;
import org.clinval.risk.HazardControl;
import org.clinval.risk.Level;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.VerificationRecord;
import org.clinval.risk.check.ControlVerification;
import org.clinval.risk.check.EvidenceStatus;
import org.clinval.risk.check.GapKind;
import org.clinval.risk.check.OverallVerdict;
import org.clinval.risk.check.RecordCheck;
import org.clinval.risk.check.RecordStatus;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.results.ScenarioStatus;
import org.clinval.risk.trace.TraceRow;

/**
 * How the risk management report and the traceability workbook word the terms of ISO 14971 and of
 * the risk check, so that both read the same. The regions keep the risk module's names ({@code
 * acceptable}, {@code investigate}, {@code unacceptable}); verification results read {@code
 * PASSED}, {@code FAILED}, {@code CHANGED} (a cited record whose SHA-256 differs) or {@code
 * MISSING}; controls {@code effective} or {@code NOT EFFECTIVE}, and {@code verified by study},
 * {@code verified by record} or {@code not verified}.
 */
public final class RiskText {

    /** A verification that passed. */
    public static final String PASSED = "PASSED";

    /** A verification whose scenario ran and did not pass. */
    public static final String FAILED = "FAILED";

    /** A verification that is not listed, matched no scenario, or was not run. */
    public static final String MISSING = "MISSING";

    /** A cited record whose file no longer has the SHA-256 the risk file states. */
    public static final String CHANGED = "CHANGED";

    /** A control whose verification stands. */
    public static final String EFFECTIVE = "effective";

    /** A control whose verification does not stand. */
    public static final String NOT_EFFECTIVE = "NOT EFFECTIVE";

    private RiskText() {}

    /** Returns the region's name in the risk module's terms, e.g. {@code investigate}. */
    public static String region(Acceptability region) {
        return region.key();
    }

    /** Returns the tone of a region: acceptable reads good, investigate warns, the rest is bad. */
    public static Tone tone(Acceptability region) {
        return switch (region) {
            case ACCEPTABLE -> Tone.GOOD;
            case INVESTIGATE -> Tone.WARN;
            case UNACCEPTABLE -> Tone.BAD;
        };
    }

    /** Returns the option of risk control in words, e.g. {@code inherent safety by design}. */
    public static String kind(ControlKind kind) {
        return switch (kind) {
            case INHERENT_SAFETY_BY_DESIGN -> "inherent safety by design";
            case PROTECTIVE_MEASURE -> "protective measure";
            case INFORMATION_FOR_SAFETY -> "information for safety";
        };
    }

    /** Returns a level with its name, e.g. {@code S4 critical}. */
    public static String level(Level level) {
        return level.id() + " " + level.name();
    }

    /** Returns a risk with the names of its levels, e.g. {@code S4 critical / P2 remote}. */
    public static String risk(RiskEstimate risk) {
        return level(risk.severity()) + " / " + level(risk.probability());
    }

    /** Returns the reduction a control brings to a hazard, e.g. {@code probability to P2}. */
    public static String reduction(HazardControl reduction) {
        String r = reduction.describeReduction();
        return r.equals("none") ? "no reduction credited" : r;
    }

    /**
     * Returns {@code PASSED}, {@code FAILED} or {@code MISSING} for the evidence of a reference.
     */
    public static String evidence(EvidenceStatus status) {
        return switch (status) {
            case PASSED -> PASSED;
            case NOT_PASSED -> FAILED;
            case NOT_FOUND, OTHER_RUN, NO_RESULTS -> MISSING;
        };
    }

    /** Returns the tone of an evidence status. */
    public static Tone tone(EvidenceStatus status) {
        return switch (status) {
            case PASSED -> Tone.GOOD;
            case NOT_PASSED -> Tone.BAD;
            case NOT_FOUND, OTHER_RUN, NO_RESULTS -> Tone.WARN;
        };
    }

    /**
     * Returns {@code PASSED} or {@code FAILED} for one executed scenario: a scenario that was
     * skipped, pending, undefined or ambiguous did not verify anything, and counts as failed.
     */
    public static String scenario(ScenarioStatus status) {
        return status == ScenarioStatus.PASSED ? PASSED : FAILED;
    }

    /**
     * Returns the result of a row of the traceability matrix: {@code PASSED} or {@code FAILED} by
     * its scenario; by its hash check on the row of a cited record; {@code MISSING} when it has
     * none to show (no verification listed, or a reference that matched nothing); a dash on the row
     * of a hazard without controls, which has nothing to verify.
     */
    public static String result(TraceRow t) {
        if (t.record().isPresent()) {
            return record(t.record().get().status());
        }
        if (t.scenario().isPresent()) {
            return scenario(t.scenario().get().status());
        }
        return isUncontrolledHazard(t) ? Text.NONE : MISSING;
    }

    /** Returns the tone of {@link #result(TraceRow)}, none for a dash. */
    public static Optional<Tone> tone(TraceRow t) {
        if (t.record().isPresent()) {
            return Optional.of(tone(t.record().get().status()));
        }
        if (t.scenario().isPresent()) {
            return Optional.of(t.scenario().get().passed() ? Tone.GOOD : Tone.BAD);
        }
        return isUncontrolledHazard(t) ? Optional.empty() : Optional.of(Tone.WARN);
    }

    private static boolean isUncontrolledHazard(TraceRow t) {
        return t.requirement().isEmpty() && t.control().isEmpty();
    }

    /** Returns {@code feature-path:line}, e.g. {@code features/performance.feature:5}. */
    public static String location(ScenarioResult s) {
        return s.featurePath() + (s.line() > 0 ? ":" + s.line() : "");
    }

    /**
     * Returns {@code verified by study}, {@code verified by record} or {@code not verified}: how a
     * control's verification stands.
     */
    public static String verification(ControlVerification v) {
        return v.words();
    }

    /** Returns the tone of a verification status: verified is good, not verified bad. */
    public static Tone tone(ControlVerification v) {
        return v.verified() ? Tone.GOOD : Tone.BAD;
    }

    /**
     * Returns {@code PASSED} for a cited record that is its file unchanged, {@code CHANGED} when
     * the file's SHA-256 differs, {@code MISSING} when it is not there or cannot be read.
     */
    public static String record(RecordStatus status) {
        return switch (status) {
            case MATCHES -> PASSED;
            case DIFFERS -> CHANGED;
            case NOT_FOUND, UNREADABLE -> MISSING;
        };
    }

    /** Returns the tone of a record's status: a changed record is bad, a missing one warns. */
    public static Tone tone(RecordStatus status) {
        return switch (status) {
            case MATCHES -> Tone.GOOD;
            case DIFFERS -> Tone.BAD;
            case NOT_FOUND, UNREADABLE -> Tone.WARN;
        };
    }

    /**
     * Returns a record's title and kind, e.g. {@code Summative usability evaluation (usability
     * record)}.
     */
    public static String recordTitle(VerificationRecord r) {
        return r.title() + " (" + r.kind().key() + " record)";
    }

    /**
     * Returns where a record is and who signed it, e.g. {@code usability.md, SHA-256 e621d1f1f26d…,
     * signed by A. Reviewer on 2026-11-20}.
     */
    public static String recordFile(VerificationRecord r) {
        return r.file()
                + ", SHA-256 "
                + r.shortSha256()
                + ", signed by "
                + r.signedBy()
                + " on "
                + r.signedOn();
    }

    /** Returns the record named in one line: title, kind, file, SHA-256 prefix, signer, date. */
    public static String record(RecordCheck c) {
        return recordTitle(c.record()) + ": " + recordFile(c.record());
    }

    /** Returns {@code effective} or {@code NOT EFFECTIVE}. */
    public static String effective(boolean effective) {
        return effective ? EFFECTIVE : NOT_EFFECTIVE;
    }

    /** Returns the verdict on the overall residual risk, e.g. {@code NOT ACCEPTABLE}. */
    public static String verdict(OverallVerdict verdict) {
        return verdict.key().replace('_', ' ').toUpperCase(Locale.ROOT);
    }

    /** Returns the tone of a verdict: acceptable is good, incomplete warns, the rest is bad. */
    public static Tone tone(OverallVerdict verdict) {
        return switch (verdict) {
            case ACCEPTABLE -> Tone.GOOD;
            case INCOMPLETE -> Tone.WARN;
            case NOT_ACCEPTABLE -> Tone.BAD;
        };
    }

    /** Returns the kind of a gap in words, e.g. {@code scenario not passed}. */
    public static String gap(GapKind kind) {
        return kind.key().replace('_', ' ');
    }

    /** Returns the estimate with three decimals, or {@code undefined}. */
    public static String estimate(Measurement m) {
        return Text.estimate(m.estimate());
    }

    /**
     * Returns a short name of where a measurement comes from: the last word of its source, e.g.
     * {@code EP1} for {@code metrics.json endpoint EP1}.
     */
    public static String shortSource(Measurement m) {
        String s = m.source().strip();
        return s.substring(s.lastIndexOf(' ') + 1);
    }

    /**
     * Returns the interval of a measurement with its level, e.g. {@code 95% CI 0.850 – 0.937}, or a
     * dash when there is none.
     */
    public static String interval(Measurement m) {
        if (m.ci().isEmpty()) {
            return Text.NONE;
        }
        String level = m.level().isPresent() ? Text.level(m.level().getAsDouble()) + " " : "";
        return level + "CI " + Text.interval(m.ci().get());
    }

    /**
     * Returns a measurement in one line, e.g. {@code Sensitivity at the operating point 0.900 (95%
     * CI 0.850 – 0.937, clopper_pearson), PASS}.
     */
    public static String measurement(Measurement m) {
        List<String> details = new ArrayList<>();
        m.ci().ifPresent(ci -> details.add(interval(m)));
        if (!m.method().isBlank()) details.add(m.method());
        return m.name()
                + " "
                + estimate(m)
                + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")")
                + m.verdict().map(v -> ", " + v).orElse("")
                + " \u2014 "
                + m.source();
    }
}
