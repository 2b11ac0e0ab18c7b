package org.clinval.validation.cusum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CusumChartTest {

    private static final CusumChart CHART = new CusumChart(0.8, 0.05, 0.5, 4.0);

    private static double[] series(long seed, int n, double mean, double sd) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Sum of 12 uniforms − 6: close enough to normal for a path test.
            double s = -6;
            for (int j = 0; j < 12; j++) s += r.nextDouble();
            x[i] = mean + sd * s;
        }
        return x;
    }

    /** The batch path equals a direct loop of AIM-CU's raw-unit recursion with K = kσ, H = hσ. */
    @Test
    void pathEqualsDirectLoopInRawUnits() {
        double[] x = series(11, 400, 0.8, 0.05);
        for (int i = 200; i < 400; i++) x[i] -= 0.04; // a downward shift of 0.8 σ
        double bigK = CHART.k() * CHART.sigma();
        double bigH = CHART.h() * CHART.sigma();
        List<CusumStep> path = CHART.path(x);
        double hi = 0;
        double lo = 0;
        int alarms = 0;
        for (int t = 0; t < x.length; t++) {
            hi = Math.max(0, hi + x[t] - CHART.mu0() - bigK);
            lo = Math.max(0, lo + CHART.mu0() - bigK - x[t]);
            CusumStep s = path.get(t);
            assertThat(s.t()).isEqualTo(t + 1);
            assertThat(s.sHi() * CHART.sigma()).as("S_hi at %d", t).isCloseTo(hi, within(1e-12));
            assertThat(s.sLo() * CHART.sigma()).as("S_lo at %d", t).isCloseTo(lo, within(1e-12));
            CusumAlarm expected =
                    hi > bigH ? CusumAlarm.HIGH : lo > bigH ? CusumAlarm.LOW : CusumAlarm.NONE;
            assertThat(s.alarm()).as("alarm at %d", t).isEqualTo(expected);
            if (expected != CusumAlarm.NONE) {
                hi = 0; // restart
                lo = 0;
                alarms++;
            }
        }
        assertThat(alarms).as("the persisting shift alarms more than once").isGreaterThan(1);
        assertThat(path.stream().filter(s -> s.alarm() != CusumAlarm.NONE).count())
                .isEqualTo(alarms);
        assertThat(path.subList(200, 400).stream().filter(s -> s.alarm() == CusumAlarm.LOW))
                .hasSizeGreaterThan(1);
    }

    /** Streaming one observation at a time through carried state equals the batch path. */
    @Test
    void streamingStateEqualsBatchPath() {
        double[] x = series(12, 300, 0.85, 0.05);
        List<CusumStep> path = CHART.path(x);
        CusumState state = CusumState.initial();
        for (int t = 0; t < x.length; t++) {
            CusumStep s = CHART.step(state, x[t]);
            assertThat(s).isEqualTo(path.get(t));
            state = s.next();
        }
        assertThat(state.steps()).isEqualTo(300);
    }

    @Test
    void alarmRestartsBothStatistics() {
        CusumChart c = new CusumChart(0, 1, 0.5, 4);
        CusumState s = CusumState.initial();
        CusumStep last = null;
        for (int i = 0; i < 3; i++) {
            last = c.step(s, 2.0); // +1.5 per step: 1.5, 3.0, 4.5 > 4
            s = last.next();
        }
        assertThat(last.alarm()).isEqualTo(CusumAlarm.HIGH);
        assertThat(last.sHi()).isEqualTo(4.5);
        assertThat(last.next()).isEqualTo(new CusumState(3, 0, 0));
        assertThat(c.step(s, -5.5).alarm()).isEqualTo(CusumAlarm.LOW); // 5.5 − 0.5 = 5 > 4
        assertThat(c.step(s, 0).alarm()).isEqualTo(CusumAlarm.NONE);
    }

    @Test
    void atTheThresholdIsNotAnAlarm() {
        CusumChart c = new CusumChart(0, 1, 0.5, 4);
        assertThat(c.step(CusumState.initial(), 4.5).alarm()).isEqualTo(CusumAlarm.NONE);
        assertThat(c.step(CusumState.initial(), Math.nextUp(4.5)).alarm())
                .isEqualTo(CusumAlarm.HIGH);
    }

    @Test
    void chartFromDesignCarriesKAndH() {
        CusumDesign d = CusumDesign.forArl0(365, 1.0);
        CusumChart c = CusumChart.of(0.9, 0.02, d);
        assertThat(c.k()).isEqualTo(0.5);
        assertThat(c.h()).isEqualTo(d.h());
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new CusumChart(0, 0, 0.5, 4)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new CusumChart(0, 1, -0.1, 4)).hasMessageContaining("k");
        assertThatThrownBy(() -> new CusumChart(0, 1, 0.5, 0)).hasMessageContaining("h");
        assertThatThrownBy(() -> CHART.step(CusumState.initial(), Double.NaN))
                .hasMessageContaining("x is not finite");
        assertThatThrownBy(() -> new CusumState(0, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
