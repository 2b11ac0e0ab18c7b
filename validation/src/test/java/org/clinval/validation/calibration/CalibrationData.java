package org.clinval.validation.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.validation.testing.ReferenceTable;

/** The data sets of calibration_data.csv (written by calibration_reference.R). */
final class CalibrationData {

    private static final ReferenceTable DATA = ReferenceTable.load("calibration_data.csv");

    private CalibrationData() {}

    /** Returns data set {@code name} in file order. */
    static ProbabilityForecasts forecasts(String name) {
        List<Boolean> y = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (Map<String, String> row : DATA.rows()) {
            if (!row.get("dataset").equals(name)) continue;
            y.add(row.get("y").equals("1"));
            p.add(Double.parseDouble(row.get("p")));
        }
        if (y.isEmpty()) throw new AssertionError("no data set " + name);
        boolean[] outcome = new boolean[y.size()];
        double[] probability = new double[p.size()];
        for (int i = 0; i < outcome.length; i++) {
            outcome[i] = y.get(i);
            probability[i] = p.get(i);
        }
        return ProbabilityForecasts.of(outcome, probability);
    }

    static ProbabilityForecasts of(double[] p, int... y) {
        boolean[] outcome = new boolean[y.length];
        for (int i = 0; i < y.length; i++) outcome[i] = y[i] == 1;
        return ProbabilityForecasts.of(outcome, p);
    }
}
