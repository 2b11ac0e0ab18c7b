package org.clinval.streaming.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.clinval.streaming.explain.ExplanationTask.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseSelectionTest {

    @TempDir Path dir;

    /** 40 cases: FN C000–C009, FP C010–C019, TP C020–C029, TN C030–C039. */
    private static List<CaseSelection.Row> rows() {
        List<CaseSelection.Row> out = new ArrayList<>();
        int[][] kinds = {{1, 0}, {0, 1}, {1, 1}, {0, 0}};
        for (int i = 0; i < 40; i++) {
            int[] k = kinds[i / 10];
            out.add(new CaseSelection.Row(String.format("C%03d", i), k[0], i / 40.0, k[1]));
        }
        return out;
    }

    private static ExplanationTask task(long seed, int perKind, Kind... kinds) {
        return new ExplanationTask("lime", List.of(kinds), perKind, seed, 0, Optional.empty());
    }

    @Test
    void eachKindComesFromItsOwnCellOfTheTableInProtocolOrder() {
        Map<Kind, List<CaseSelection.Row>> d =
                CaseSelection.draw(rows(), task(7, 3, Kind.TRUE_POSITIVES, Kind.FALSE_NEGATIVES));
        assertThat(d.keySet()).containsExactly(Kind.TRUE_POSITIVES, Kind.FALSE_NEGATIVES);
        assertThat(d.get(Kind.TRUE_POSITIVES))
                .hasSize(3)
                .allMatch(r -> r.label() == 1 && r.prediction() == 1);
        assertThat(d.get(Kind.FALSE_NEGATIVES))
                .hasSize(3)
                .allMatch(r -> r.label() == 1 && r.prediction() == 0);
    }

    @Test
    void theDrawDependsOnTheSeedNotOnTheOrderOfTheResultsNorOnOtherKinds() {
        List<CaseSelection.Row> shuffled = new ArrayList<>(rows());
        Collections.shuffle(shuffled, new Random(3));
        var a = CaseSelection.draw(rows(), task(20261205, 4, Kind.FALSE_POSITIVES));
        var b = CaseSelection.draw(shuffled, task(20261205, 4, Kind.FALSE_POSITIVES));
        var c =
                CaseSelection.draw(
                        rows(), task(20261205, 4, Kind.TRUE_NEGATIVES, Kind.FALSE_POSITIVES));
        assertThat(b).isEqualTo(a);
        assertThat(c.get(Kind.FALSE_POSITIVES)).isEqualTo(a.get(Kind.FALSE_POSITIVES));
        // Another seed draws other cases (of the 210 four-case subsets, a repeat is unlikely).
        var other = CaseSelection.draw(rows(), task(1, 4, Kind.FALSE_POSITIVES));
        assertThat(other.get(Kind.FALSE_POSITIVES)).isNotEqualTo(a.get(Kind.FALSE_POSITIVES));
    }

    @Test
    void aKindWithFewerCasesGivesAllOfThemAndAnEmptyKindNone() {
        List<CaseSelection.Row> two = rows().subList(0, 2); // two false negatives
        var d = CaseSelection.draw(two, task(9, 4, Kind.FALSE_NEGATIVES, Kind.TRUE_POSITIVES));
        assertThat(d.get(Kind.FALSE_NEGATIVES)).hasSize(2);
        assertThat(d.get(Kind.TRUE_POSITIVES)).isEmpty();
    }

    @Test
    void readsTheCaseResultsWithTheGroundTruthsOwnLabels() throws Exception {
        Path csv = dir.resolve("case-results.csv");
        Files.writeString(
                csv,
                "case_id,site,manufacturer,sex,age_band,label,score,prediction,model_sha256,dataset_sha256\n"
                        + "C1,a,m,F,40-49,nodule,0.2,0,x,y\n"
                        + "C2,a,m,F,40-49,clear,0.7,1,x,y\n");
        assertThat(CaseSelection.read(csv, "nodule"))
                .containsExactly(
                        new CaseSelection.Row("C1", 1, 0.2, 0),
                        new CaseSelection.Row("C2", 0, 0.7, 1));
        Files.writeString(csv, "case_id,label,score,prediction\nC1,nodule,0.2,yes\n");
        assertThatThrownBy(() -> CaseSelection.read(csv, "nodule"))
                .hasMessageContaining("line 2: prediction is not 1 or 0: yes");
    }
}
