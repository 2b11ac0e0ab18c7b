package org.clinval.validation.roc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.testing.ReferenceTable;

/** The data sets of {@code reference/roc_datasets.csv}: aSAH from pROC and seeded simulations. */
final class RocDatasets {

    record Data(boolean[] positive, double[] score1, double[] score2) {
        double[] score(String name) {
            return name.equals("score1") ? score1 : score2;
        }
    }

    private static Map<String, Data> cache;

    static synchronized Map<String, Data> all() {
        if (cache != null) return cache;
        ReferenceTable t = ReferenceTable.load("roc_datasets.csv");
        String[] names = t.strings("dataset");
        double[] label = t.doubles("label");
        double[] s1 = t.doubles("score1");
        double[] s2 = t.doubles("score2");
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            rows.computeIfAbsent(names[i], k -> new ArrayList<>()).add(i);
        }
        Map<String, Data> out = new LinkedHashMap<>();
        rows.forEach(
                (name, idx) -> {
                    int n = idx.size();
                    boolean[] p = new boolean[n];
                    double[] a = new double[n];
                    double[] b = new double[n];
                    for (int k = 0; k < n; k++) {
                        p[k] = label[idx.get(k)] == 1;
                        a[k] = s1[idx.get(k)];
                        b[k] = s2[idx.get(k)];
                    }
                    out.put(name, new Data(p, a, b));
                });
        cache = out;
        return out;
    }

    static Data get(String name) {
        Data d = all().get(name);
        if (d == null) throw new IllegalArgumentException("no data set " + name);
        return d;
    }

    private RocDatasets() {}
}
