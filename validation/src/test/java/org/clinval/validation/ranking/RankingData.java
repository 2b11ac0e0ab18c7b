package org.clinval.validation.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.Direction;
import org.clinval.validation.testing.ReferenceTable;

/** The binary data sets of ranking_cases.csv (ranking_reference.py). */
public record RankingData(String name, Direction direction, boolean[] positive, double[] score) {

    /** Returns every data set, in file order. */
    public static Map<String, RankingData> load() {
        Map<String, List<Map<String, String>>> byName = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceTable.load("ranking_cases.csv").rows()) {
            byName.computeIfAbsent(row.get("dataset"), x -> new ArrayList<>()).add(row);
        }
        Map<String, RankingData> out = new LinkedHashMap<>();
        byName.forEach(
                (name, rows) -> {
                    boolean[] positive = new boolean[rows.size()];
                    double[] score = new double[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        positive[i] = rows.get(i).get("label").equals("1");
                        score[i] = Double.parseDouble(rows.get(i).get("score"));
                    }
                    out.put(
                            name,
                            new RankingData(
                                    name,
                                    Direction.parse(rows.get(0).get("direction")),
                                    positive,
                                    score));
                });
        return out;
    }
}
