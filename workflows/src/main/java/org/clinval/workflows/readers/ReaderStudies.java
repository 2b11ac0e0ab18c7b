package org.clinval.workflows.readers;

import java.util.List;
import java.util.Map;
import org.clinval.validation.Direction;
import org.clinval.validation.mrmc.ReaderStudy;

/** Builds the statistics' {@link ReaderStudy} from the reads of a reader-study arm. */
public final class ReaderStudies {

    private ReaderStudies() {}

    /**
     * Returns the study of {@code reads} (each case in {@code truth}) with the aided modality
     * first, so that the analyses' difference "first minus second" is aided − unaided.
     *
     * @throws IllegalArgumentException as {@link ReaderStudy.Builder#build()}
     */
    public static ReaderStudy of(
            List<Read> reads,
            Map<String, Boolean> truth,
            String unaided,
            String aided,
            Direction direction) {
        ReaderStudy.Builder b = ReaderStudy.builder(direction);
        for (String modality : List.of(aided, unaided)) {
            for (Read r : reads) {
                if (r.modality().equals(modality)) {
                    b.addScore(r.reader(), r.caseId(), r.modality(), r.score());
                    if (!b.hasTruth(r.caseId())) {
                        b.setTruth(r.caseId(), truth.get(r.caseId()));
                    }
                }
            }
        }
        return b.build();
    }
}
