package org.clinval.validation.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinval.validation.Direction;
import org.junit.jupiter.api.Test;

class ReaderStudyTest {

    /** Readers r1, r2 read cases c1–c4 and r3, r4 read c5–c8, in both modalities. */
    @Test
    void recognisesASplitPlotAndCountsItsMissingReads() {
        ReaderStudy.Builder b = ReaderStudy.builder(Direction.HIGHER);
        for (int c = 1; c <= 8; c++) b.setTruth("c" + c, c % 2 == 0);
        for (String m : new String[] {"A", "B"}) {
            for (int r = 1; r <= 4; r++) {
                int first = r <= 2 ? 1 : 5;
                for (int c = first; c < first + 4; c++) b.addScore("r" + r, "c" + c, m, c * r);
            }
        }
        ReaderStudy s = b.build();
        assertThat(s.design()).isEqualTo(StudyDesign.SPLIT_PLOT);
        assertThat(s.missingReads()).hasSize(8).contains(new MissingReads("r3", "B", 4, 4));
        assertThat(s.reads()).isEqualTo(32);
    }

    @Test
    void countsCasesThatNobodyRead() {
        ReaderStudy s =
                ReaderStudy.builder(Direction.HIGHER)
                        .setTruth("c1", false)
                        .setTruth("c2", true)
                        .setTruth("c3", true)
                        .addScore("r1", "c1", "A", 0)
                        .addScore("r1", "c2", "A", 1)
                        .build();
        assertThat(s.unreadCases()).containsExactly("c3");
        assertThat(s.design()).isEqualTo(StudyDesign.FULLY_CROSSED);
        assertThat(s.missingReads()).isEmpty();
        assertThat(s.positives()).isEqualTo(1);
    }

    @Test
    void refusesAnUnreadScoreAndAnEmptyStudy() {
        ReaderStudy s =
                ReaderStudy.builder(Direction.HIGHER)
                        .setTruth("c1", false)
                        .setTruth("c2", true)
                        .addScore("r1", "c1", "A", 0)
                        .addScore("r1", "c2", "A", 1)
                        .addScore("r2", "c2", "A", 1)
                        .build();
        assertThatThrownBy(() -> s.score(0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reader r2 did not read case c1 in modality A");
        assertThatThrownBy(() -> ReaderStudy.builder(Direction.HIGHER).build())
                .hasMessage("the study has no scores");
    }
}
