package org.clinval.surveillance.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the window and day counts against the plain computation they replace: the day's
 * exact score sum, and the canonical order of a window's joined cases.
 */
class WindowCountsTest {

    @Test
    void aDaysScoreSumIsTheExactDecimalSumOfItsScores() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int day = 0; day < 200; day++) {
            DailyMetric d = new DailyMetric();
            BigDecimal exact = BigDecimal.ZERO;
            int n = rnd.nextInt(1, 3000);
            for (int i = 0; i < n; i++) {
                // Scores of every magnitude in [0, 1], some tiny, some repeated.
                double s =
                        switch (rnd.nextInt(4)) {
                            case 0 -> rnd.nextDouble();
                            case 1 -> rnd.nextDouble() * Math.pow(2, -rnd.nextInt(1, 1000));
                            case 2 -> Math.round(rnd.nextDouble() * 1e6) / 1e6;
                            default -> 1 - Math.ulp(1.0) * rnd.nextInt(4);
                        };
                exact = exact.add(new BigDecimal(s));
                d.add(prediction(s));
            }
            d.add(prediction(Double.NaN));
            d.close("all", 0);
            assertThat(d.scoreSum.compareTo(exact)).as("day %d", day).isZero();
            assertThat(d.scoreSum.doubleValue()).isEqualTo(exact.doubleValue());
            assertThat(d.scored).isEqualTo(n);
            assertThat(d.predictions).isEqualTo(n + 1);
        }
    }

    @Test
    void joinedCasesComeSortedByScoreThenTruth() {
        SplittableRandom rnd = new SplittableRandom(9);
        WindowAcc a = new WindowAcc();
        double[][] cases = new double[5000][];
        for (int i = 0; i < cases.length; i++) {
            // Few distinct scores, so that many ties are broken by the truth.
            double s = rnd.nextInt(50) / 49.0;
            if (i % 997 == 0) s = Double.NaN;
            if (i % 991 == 0) s = -0.0;
            int label = rnd.nextInt(2);
            cases[i] = new double[] {s, label};
            StratumRecord r = new StratumRecord();
            r.kind = CaseRecord.Kind.JOINED;
            r.score = s;
            r.label = label;
            r.decision = s >= 0.5 ? 1 : 0;
            a.add(r);
        }
        Arrays.sort(
                cases,
                Comparator.<double[]>comparingDouble(c -> c[0]).thenComparingDouble(c -> c[1]));
        double[][] j = a.joined();
        for (int i = 0; i < cases.length; i++) {
            assertThat(Double.doubleToLongBits(j[0][i]))
                    .as("score %d", i)
                    .isEqualTo(Double.doubleToLongBits(cases[i][0]));
            assertThat(j[1][i]).as("truth %d", i).isEqualTo(cases[i][1]);
        }
        assertThat(a.tp + a.fp + a.tn + a.fn).isEqualTo(cases.length);
    }

    @Test
    void aWindowComesBackFromItsCheckpointWithEveryValue() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        for (boolean metadata : new boolean[] {true, false}) {
            WindowAcc a = new WindowAcc(metadata);
            for (int i = 0; i < 1000; i++) {
                StratumRecord r = prediction(i % 100 == 0 ? Double.NaN : rnd.nextDouble());
                r.kind = CaseRecord.Kind.values()[rnd.nextInt(3)];
                r.label = rnd.nextInt(2);
                r.decision = rnd.nextInt(2);
                r.readerAgreed = rnd.nextInt(2);
                r.kvp = rnd.nextInt(3) == 0 ? Double.NaN : 100 + rnd.nextInt(3) * 10;
                r.sliceThicknessMm = rnd.nextDouble();
                r.pixelSpacingMm = 0.7;
                r.manufacturer = i % 7 == 0 ? null : "M" + rnd.nextInt(3);
                r.convolutionKernel = "K" + rnd.nextInt(2);
                a.add(r);
            }
            DataOutputSerializer out = new DataOutputSerializer(64);
            WindowAccSerializer.INSTANCE.serialize(a, out);
            WindowAcc b =
                    WindowAccSerializer.INSTANCE.deserialize(
                            new DataInputDeserializer(out.getCopyOfBuffer()));
            for (WindowAcc c : new WindowAcc[] {b, WindowAccSerializer.INSTANCE.copy(a)}) {
                assertThat(c.metadata).isEqualTo(metadata);
                assertThat(new long[] {c.predictions, c.tp, c.fp, c.tn, c.fn, c.readers})
                        .containsExactly(a.predictions, a.tp, a.fp, a.tn, a.fn, a.readers);
                assertThat(c.overrides).isEqualTo(a.overrides);
                assertThat(c.numeric("score")).containsExactly(a.numeric("score"));
                assertThat(c.joined()[0]).containsExactly(a.joined()[0]);
                assertThat(c.joined()[1]).containsExactly(a.joined()[1]);
                if (metadata) {
                    for (String v :
                            new String[] {
                                "kvp",
                                "slice_thickness_mm",
                                "pixel_spacing_mm",
                                "magnetic_field_strength_t"
                            }) {
                        assertThat(c.numeric(v)).as(v).containsExactly(a.numeric(v));
                    }
                    assertThat(c.categorical("manufacturer"))
                            .containsExactly(a.categorical("manufacturer"));
                    assertThat(c.categorical("convolution_kernel"))
                            .containsExactly(a.categorical("convolution_kernel"));
                } else {
                    assertThat(c.nManufacturers).isZero();
                }
                // It goes on growing after a restore.
                c.add(prediction(0.5));
                assertThat(c.numeric("score")).hasSize(a.numeric("score").length + 1);
            }
        }
    }

    private static StratumRecord prediction(double score) {
        StratumRecord r = new StratumRecord();
        r.kind = CaseRecord.Kind.PREDICTION;
        r.score = score;
        return r;
    }
}
