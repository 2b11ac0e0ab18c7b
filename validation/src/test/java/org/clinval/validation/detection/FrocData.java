package org.clinval.validation.detection;

import java.util.ArrayList;
import java.util.List;
import org.clinval.validation.testing.ReferenceTable;

/** Loads the data sets written by {@code src/test/python/froc_reference.py}. */
final class FrocData {

    private FrocData() {}

    static List<Candidate> candidates(String dataset) {
        ReferenceTable t = ReferenceTable.load("froc/" + dataset + "_candidates.csv");
        String[] scan = t.strings("scan");
        double[] x = t.doubles("x"), y = t.doubles("y"), z = t.doubles("z");
        double[] score = t.doubles("score");
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < scan.length; i++) {
            out.add(new Candidate(scan[i], x[i], y[i], z[i], score[i]));
        }
        return out;
    }

    static List<Lesion> lesions(String dataset) {
        ReferenceTable t = ReferenceTable.load("froc/" + dataset + "_truth.csv");
        String[] scan = t.strings("scan");
        double[] x = t.doubles("x"), y = t.doubles("y"), z = t.doubles("z");
        double[] radius = t.doubles("radius");
        List<Lesion> out = new ArrayList<>();
        for (int i = 0; i < scan.length; i++) {
            out.add(new Lesion(scan[i], x[i], y[i], z[i], radius[i]));
        }
        return out;
    }

    static int scans(String dataset) {
        ReferenceTable t = ReferenceTable.load("froc_summary_reference.csv");
        String[] names = t.strings("dataset");
        double[] n = t.doubles("n_scans");
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(dataset)) return (int) n[i];
        }
        throw new IllegalArgumentException("no data set " + dataset);
    }

    static MatchedDetections matched(String dataset) {
        return MatchedDetections.of(candidates(dataset), lesions(dataset), scans(dataset));
    }
}
