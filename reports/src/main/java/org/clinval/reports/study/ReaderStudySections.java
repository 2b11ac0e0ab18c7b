package org.clinval.reports.study;

import java.util.List;
import java.util.Optional;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.ReaderStudySection;
import org.clinval.workflows.analysis.EndpointResult;
import org.clinval.workflows.analysis.ReaderStudyResults;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.readers.ReaderStudyCheck;

/** The report's reader-study section, from the analysis the study computed (never recomputed). */
final class ReaderStudySections {

    private ReaderStudySections() {}

    /** Returns the reader-study section of a study with a reader-study arm, else empty. */
    static Optional<ReaderStudySection> of(StudyResults results) {
        if (results.readerStudy().isEmpty()) return Optional.empty();
        ReaderStudyResults r = results.readerStudy().get();
        String unaided = r.settings().unaided();
        String aided = r.settings().aided();
        List<ReaderStudySection.Judged> judged =
                results.endpoints().stream()
                        .filter(e -> e.endpoint().criterion().measure().isReaderStudy())
                        .map(ReaderStudySections::judged)
                        .toList();
        return Optional.of(
                new ReaderStudySection(
                        r.method(),
                        r.design().map(ReaderStudyCheck::label),
                        r.level().value(),
                        r.readers(),
                        r.positives(),
                        r.negatives(),
                        r.readsIn(),
                        r.readsAnalysed(),
                        r.excluded().stream()
                                .map(
                                        x ->
                                                new ReaderStudySection.Excluded(
                                                        x.reason(), x.reads(), x.cases()))
                                .toList(),
                        value(unaided + " (reference)", r.unaided()),
                        value(aided + " (test)", r.aided()),
                        value(aided + " \u2212 " + unaided, r.difference()),
                        r.perReader().stream()
                                .map(
                                        a ->
                                                new ReaderStudySection.ReaderRow(
                                                        a.reader(), a.unaided(), a.aided()))
                                .toList(),
                        r.components(),
                        judged,
                        r.undefinedReason(),
                        java.util.stream.Stream.of(r.sensitivity(), r.specificity())
                                .flatMap(Optional::stream)
                                .map(p -> proportion(r, p))
                                .toList()));
    }

    private static ReaderStudySection.Proportion proportion(
            ReaderStudyResults r, ReaderStudyResults.Proportion p) {
        String unaided = r.settings().unaided();
        String aided = r.settings().aided();
        String call =
                "score "
                        + r.settings().rule().symbol()
                        + " "
                        + Text.threshold(r.settings().threshold().getAsDouble());
        return new ReaderStudySection.Proportion(
                Character.toUpperCase(p.measure().charAt(0)) + p.measure().substring(1),
                call,
                p.method(),
                p.cases(),
                share(unaided + " (reference)", p.unaided(), false),
                share(aided + " (test)", p.aided(), false),
                share(aided + " \u2212 " + unaided, p.difference(), true),
                p.undefinedReason());
    }

    private static ReaderStudySection.Share share(
            String name, ReaderStudyResults.MrmcValue v, boolean test) {
        return new ReaderStudySection.Share(
                name,
                v.estimate(),
                v.ci(),
                test ? v.statistic() : java.util.OptionalDouble.empty(),
                test ? v.p() : java.util.OptionalDouble.empty(),
                v.undefinedReason());
    }

    private static ReaderStudySection.Value value(String name, ReaderStudyResults.MrmcValue v) {
        return new ReaderStudySection.Value(
                name, v.estimate(), v.ci(), v.df(), v.p(), v.undefinedReason());
    }

    private static ReaderStudySection.Judged judged(EndpointResult e) {
        return new ReaderStudySection.Judged(
                e.endpoint().id(), e.endpoint().criterion().describe(), e.passed(), e.reasons());
    }
}
