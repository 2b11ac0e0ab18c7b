package org.clinval.reports.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.clinval.reports.model.CaseRow;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.roc.RocPoint;
import org.junit.jupiter.api.Test;

class DemoStudyTest {

    static final DemoStudy STUDY = DemoStudy.generate(20250602L);
    static final ValidationReport REPORT = STUDY.report();

    @Test
    void theSameSeedGivesTheSameReport() {
        DemoStudy again = DemoStudy.generate(20250602L);
        assertThat(again.report()).isEqualTo(REPORT);
        assertThat(again.cases()).isEqualTo(STUDY.cases());
        assertThat(DemoStudy.generate(7L).cases()).isNotEqualTo(STUDY.cases());
    }

    @Test
    void coversWhatAReportMustHandle() {
        List<EndpointResult> endpoints = REPORT.endpoints();
        assertThat(endpoints).anyMatch(e -> e.isDefined() && !e.passed());
        assertThat(endpoints).anyMatch(e -> !e.isDefined() && e.undefinedReason().isPresent());
        assertThat(endpoints)
                .filteredOn(EndpointResult::primary)
                .isNotEmpty()
                .allMatch(EndpointResult::passed);
        assertThat(REPORT.verdict().passed()).isTrue();
        assertThat(REPORT.subgroups()).anyMatch(s -> !s.warnings().isEmpty());
        assertThat(REPORT.subgroups()).anyMatch(s -> s.auc().isEmpty());
        assertThat(REPORT.quarantine()).hasSize(4);
        assertThat(REPORT.signatures()).hasSize(2);
        assertThat(REPORT.auditExcerpt()).isNotEmpty();
        assertThat(STUDY.cases()).hasSize(REPORT.dataset().results());
    }

    @Test
    void theConfusionMatrixIsTheCountOfTheCases() {
        // Counted here from the case rows, independently of ConfusionMatrix.of.
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (CaseRow c : STUDY.cases()) {
            boolean called = c.score() >= DemoStudy.THRESHOLD;
            assertThat(c.prediction()).isEqualTo(called ? 1 : 0);
            if (c.label() == 1) {
                if (called) tp++;
                else fn++;
            } else if (called) fp++;
            else tn++;
        }
        assertThat(REPORT.matrix().tp()).isEqualTo(tp);
        assertThat(REPORT.matrix().fp()).isEqualTo(fp);
        assertThat(REPORT.matrix().tn()).isEqualTo(tn);
        assertThat(REPORT.matrix().fn()).isEqualTo(fn);
    }

    @Test
    void theAucIsTheMannWhitneyStatisticOfTheCases() {
        // Brute force over all positive-negative pairs, ties one half: O(m n), independent of the
        // placement algorithm that computed the report's AUC.
        List<CaseRow> pos = STUDY.cases().stream().filter(c -> c.label() == 1).toList();
        List<CaseRow> neg = STUDY.cases().stream().filter(c -> c.label() == 0).toList();
        double wins = 0;
        for (CaseRow p : pos) {
            for (CaseRow n : neg) {
                wins += p.score() > n.score() ? 1 : p.score() == n.score() ? 0.5 : 0;
            }
        }
        double auc = wins / ((double) pos.size() * neg.size());
        assertThat(REPORT.roc().auc().auc()).isCloseTo(auc, within(1e-12));
        assertThat(trapezoid(REPORT.roc().curve())).isCloseTo(auc, within(1e-12));
    }

    @Test
    void theOperatingPointLiesOnTheCurve() {
        RocPoint op = REPORT.roc().operatingPoint();
        assertThat(REPORT.roc().curve())
                .anyMatch(
                        p ->
                                p.truePositives() == op.truePositives()
                                        && p.falsePositives() == op.falsePositives());
        assertThat(op.truePositives()).isEqualTo((int) REPORT.matrix().tp());
    }

    private static double trapezoid(List<RocPoint> curve) {
        double area = 0;
        for (int k = 1; k < curve.size(); k++) {
            RocPoint a = curve.get(k - 1);
            RocPoint b = curve.get(k);
            area +=
                    (b.falsePositiveRate() - a.falsePositiveRate())
                            * (a.sensitivity() + b.sensitivity())
                            / 2;
        }
        return area;
    }
}
