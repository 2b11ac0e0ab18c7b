package org.clinval.reports.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.reports.model.GradingSection;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.multiclass.ClassAccuracy;
import org.clinval.workflows.analysis.GradingResults;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.protocol.GradingSettings;

/** The report's grading section, from the grading analysis the study computed. */
final class GradingSections {

    private GradingSections() {}

    /** Returns the grading section of a grading study, else empty. */
    static Optional<GradingSection> grading(StudyResults results) {
        if (results.grading().isEmpty() || results.protocol().grading().isEmpty()) {
            return Optional.empty();
        }
        GradingResults g = results.grading().get();
        GradingSettings s = results.protocol().grading().get();
        List<List<Long>> confusion = new ArrayList<>();
        for (long[] row : g.confusion().counts()) {
            List<Long> r = new ArrayList<>();
            for (long v : row) r.add(v);
            confusion.add(r);
        }
        List<GradingSection.Kappa> kappas = new ArrayList<>();
        for (Map.Entry<KappaWeights, KappaEstimate> e : g.kappas().entrySet()) {
            kappas.add(kappa(e.getKey().key(), e.getValue()));
        }
        List<GradingSection.GradeClass> classes = new ArrayList<>();
        for (ClassAccuracy c : g.classes()) {
            classes.add(
                    new GradingSection.GradeClass(
                            c.name(),
                            c.sensitivity().trials(),
                            share(c.sensitivity()),
                            share(c.specificity()),
                            c.auc()
                                    .map(a -> OptionalDouble.of(a.auc()))
                                    .orElse(OptionalDouble.empty()),
                            c.auc().flatMap(a -> a.ci())));
        }
        List<GradingSection.Cut> cuts = new ArrayList<>();
        for (GradingResults.Cut c : g.endpoints()) {
            cuts.add(
                    new GradingSection.Cut(
                            c.endpoint().id(),
                            c.endpoint().name(),
                            s.scale().name(c.endpoint().minGrade()),
                            share(c.cut().sensitivity()),
                            share(c.cut().specificity()),
                            c.superiority().stream()
                                    .map(
                                            t ->
                                                    new GradingSection.Superiority(
                                                            t.studyEndpoint(),
                                                            t.measure(),
                                                            t.test().goal(),
                                                            t.alpha(),
                                                            t.test().p(),
                                                            t.test().lowerBound(),
                                                            t.superior()))
                                    .toList()));
        }
        List<GradingSection.Kappa> inter = new ArrayList<>();
        for (GradingResults.GraderAgreement a : g.interGrader()) {
            inter.add(kappa(a.first() + " vs " + a.second(), a.kappa()));
        }
        String reference =
                s.reference().rule().key()
                        + (s.reference().graders().isEmpty()
                                ? ""
                                : " of " + String.join(", ", s.reference().graders()))
                        + s.reference().column().map(c -> " (column " + c + ")").orElse("");
        return Optional.of(
                new GradingSection(
                        g.grades(),
                        confusion,
                        results.protocol().statistics().level().value(),
                        reference,
                        kappas,
                        classes,
                        g.macroAuc(),
                        g.handTill().auc(),
                        cuts,
                        inter));
    }

    private static GradingSection.Kappa kappa(String name, KappaEstimate k) {
        return new GradingSection.Kappa(
                name, k.kappa(), k.se(), k.ci(), k.n(), k.undefinedReason());
    }

    private static GradingSection.Share share(Proportion p) {
        return new GradingSection.Share(
                p.successes(),
                p.trials(),
                p.estimate(),
                p.interval(BinomialInterval.CLOPPER_PEARSON));
    }
}
