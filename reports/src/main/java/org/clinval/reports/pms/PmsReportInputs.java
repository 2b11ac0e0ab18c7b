package org.clinval.reports.pms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the periodic surveillance report shows, as the surveillance job wrote it to its output
 * folder, restricted to the reporting period. Every value is the file's own; nothing is computed
 * again. An empty cell of a CSV file is an empty {@link OptionalDouble} (the row's {@code
 * undefined} column says why).
 *
 * @param folder the output folder the inputs were read from
 * @param from the first day of the reporting period
 * @param to the last day of the reporting period (inclusive)
 * @param generated when the inputs were read, printed as the report's generation time
 * @param windows the rows of {@code windows.csv} whose window overlaps the period
 * @param drift the rows of {@code drift.csv} whose window overlaps the period
 * @param cusum the rows of {@code cusum.csv} whose day lies in the period
 * @param alarms the alarms whose window overlaps the period
 * @param investigations the investigations of those alarms, or opened in the period; empty when the
 *     folder has no {@code investigations/investigations.json}
 * @param investigationsRecorded whether the folder has {@code investigations/investigations.json}
 * @param baseline the validated study's figures
 * @param cusumDesign the entries of {@code cusum-design.json}, empty when the file is absent
 * @param reconciliation the entries of {@code reconciliation.json}
 * @param versions the device and model versions of the predictions in the period
 * @param planWindow the window kind the plan names ({@code day}, {@code week}, {@code month}), if
 *     {@code plan.yaml} names one
 */
public record PmsReportInputs(
        String folder,
        LocalDate from,
        LocalDate to,
        Instant generated,
        List<Window> windows,
        List<Drift> drift,
        List<CusumPoint> cusum,
        List<Alarm> alarms,
        List<Investigation> investigations,
        boolean investigationsRecorded,
        Baseline baseline,
        List<Entry> cusumDesign,
        List<Entry> reconciliation,
        List<VersionSeen> versions,
        Optional<String> planWindow) {

    /** Copies the lists and checks that the period is ordered. */
    public PmsReportInputs {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(planWindow, "planWindow");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "the reporting period ends before it starts: " + from + " to " + to);
        }
        windows = List.copyOf(windows);
        drift = List.copyOf(drift);
        cusum = List.copyOf(cusum);
        alarms = List.copyOf(alarms);
        investigations = List.copyOf(investigations);
        cusumDesign = List.copyOf(cusumDesign);
        reconciliation = List.copyOf(reconciliation);
        versions = List.copyOf(versions);
    }

    /**
     * Returns the window kind the trend charts use: the plan's when {@code windows.csv} has rows of
     * it, else the first of {@code month}, {@code week}, {@code day} that it has; empty when there
     * are no windows.
     */
    public Optional<String> trendWindowKind() {
        if (planWindow.isPresent()
                && windows.stream().anyMatch(w -> w.windowKind().equals(planWindow.get()))) {
            return planWindow;
        }
        for (String kind : List.of("month", "week", "day")) {
            if (windows.stream().anyMatch(w -> w.windowKind().equals(kind))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * An estimate with its interval as the file has them; each part empty when the file's cell is
     * empty.
     */
    public record Estimate(OptionalDouble value, OptionalDouble lower, OptionalDouble upper) {

        /** Returns whether the estimate and both bounds are defined. */
        public boolean hasInterval() {
            return value.isPresent() && lower.isPresent() && upper.isPresent();
        }
    }

    /**
     * One row of {@code windows.csv}: the performance of one stratum in one window. Components
     * follow the file's columns in order; {@code line} is the row's line in the file.
     */
    public record Window(
            int line,
            String windowKind,
            LocalDate windowStart,
            LocalDate windowEnd,
            String stratum,
            long nPredictions,
            long nWithTruth,
            long positives,
            long negatives,
            OptionalDouble prevalence,
            Estimate sensitivity,
            Estimate specificity,
            Estimate ppv,
            Estimate npv,
            Estimate auc,
            long readerDecisions,
            Estimate overrideRate,
            OptionalDouble meanScore,
            double level,
            String ciMethod,
            String undefined) {}

    /**
     * One row of {@code drift.csv}: one test of one variable in one stratum and window, the file's
     * columns in order after {@code line}, the row's line in the file.
     */
    public record Drift(
            int line,
            String windowKind,
            LocalDate windowStart,
            LocalDate windowEnd,
            String stratum,
            String variable,
            String kind,
            String test,
            long nBaseline,
            long nCurrent,
            OptionalDouble statistic,
            OptionalDouble pValue,
            String band,
            String flag) {}

    /**
     * One row of {@code cusum.csv}: one day of one monitor (stratum and metric), the file's columns
     * in order after {@code line}, the row's line in the file; {@code value} is empty on a day
     * without cases.
     */
    public record CusumPoint(
            int line,
            LocalDate day,
            String stratum,
            String metric,
            OptionalDouble value,
            long n,
            double mu0,
            double sigma,
            double k,
            double h,
            double sHi,
            double sLo,
            String alarm) {}

    /**
     * A value of a JSON file, flattened: nested keys joined by dots, list items by their index.
     *
     * @param key e.g. {@code specificity.h} or {@code requirements.0}
     * @param text the value as text ({@code null} as {@code null})
     * @param number the value when the JSON value is a number
     */
    public record Entry(String key, String text, OptionalDouble number) {}

    /**
     * One alarm of {@code alarms.jsonl} ({@code line} is its line), its evidence flattened into
     * entries.
     */
    public record Alarm(
            int line,
            String alarmId,
            String kind,
            String stratum,
            String metric,
            LocalDate windowStart,
            LocalDate windowEnd,
            String raisedAt,
            String summary,
            List<Entry> evidence,
            List<String> requirements,
            List<String> riskControls) {

        /** Copies the lists. */
        public Alarm {
            evidence = List.copyOf(evidence);
            requirements = List.copyOf(requirements);
            riskControls = List.copyOf(riskControls);
        }
    }

    /** One signature of an investigation. */
    public record Signature(String user, String meaning, String time) {}

    /** One investigation of {@code investigations/investigations.json}. */
    public record Investigation(
            String investigationId,
            List<String> alarmIds,
            String stratum,
            String metric,
            String state,
            String opened,
            Optional<String> closed,
            List<Entry> triage,
            List<Entry> rootCause,
            Optional<String> decision,
            Optional<String> rationale,
            List<Signature> signatures) {

        /** Copies the lists. */
        public Investigation {
            alarmIds = List.copyOf(alarmIds);
            triage = List.copyOf(triage);
            rootCause = List.copyOf(rootCause);
            signatures = List.copyOf(signatures);
        }
    }

    /** A metric of the validated study as {@code baseline.json} records it. */
    public record BaselineMetric(
            String name,
            OptionalDouble estimate,
            OptionalDouble ciLower,
            OptionalDouble ciUpper,
            OptionalDouble estimateMin,
            OptionalDouble ciLowerMin,
            List<String> requirements,
            List<String> riskControls) {

        /** Copies the lists. */
        public BaselineMetric {
            requirements = List.copyOf(requirements);
            riskControls = List.copyOf(riskControls);
        }
    }

    /** The validated study the surveillance compares against ({@code baseline.json}). */
    public record Baseline(
            String run,
            String study,
            String modelSha256,
            String datasetSha256,
            OptionalLong cases,
            List<BaselineMetric> metrics) {

        /** Copies the list. */
        public Baseline {
            metrics = List.copyOf(metrics);
        }

        /** Returns the metric named {@code name}, e.g. {@code sensitivity}. */
        public Optional<BaselineMetric> metric(String name) {
            return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
        }
    }

    /**
     * A device and model version seen in the predictions of the period, with how many predictions
     * carried it.
     */
    public record VersionSeen(String deviceVersion, String modelVersion, long predictions) {}
}
