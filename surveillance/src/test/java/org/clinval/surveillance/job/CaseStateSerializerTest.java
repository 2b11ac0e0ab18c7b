package org.clinval.surveillance.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.clinval.surveillance.event.Event;
import org.junit.jupiter.api.Test;

/** A case held by the join comes back from a checkpoint, and from a copy, with every field. */
class CaseStateSerializerTest {

    @Test
    void everyFieldOfEveryEventSurvivesACheckpointAndACopy() throws Exception {
        CaseState s = new CaseState();
        Event p = new Event();
        p.type = Event.Type.PREDICTION;
        p.caseId = "P00001";
        p.eventTime = 1_767_571_200_123L;
        p.site = "Zürich \ud83c\udfe5 site";
        p.deviceVersion = "2.1";
        p.modelVersion = "1.0.0";
        p.score = 0.123456789;
        p.grade = 3;
        p.decision = 1;
        p.modality = "CT";
        p.manufacturer = "GE MEDICAL SYSTEMS";
        p.manufacturerModelName = null;
        p.kvp = 120;
        p.sliceThicknessMm = 2.5;
        p.pixelSpacingMm = 0.7;
        p.magneticFieldStrengthT = 1.5;
        p.convolutionKernel = "B30f";
        s.prediction = p;
        Event t = new Event();
        t.type = Event.Type.GROUND_TRUTH;
        t.caseId = "P00001";
        t.eventTime = 1_767_571_200_999L;
        t.label = 1;
        t.source = "pathology";
        s.pendingTruth = t;
        Event r = new Event();
        r.type = Event.Type.READER_DECISION;
        r.caseId = "P00001";
        r.agreed = true;
        s.reader = r;
        s.joined = true;
        s.readerAgreed = 0;
        s.tombstone = 42;
        CaseState empty = new CaseState();
        for (CaseState c : new CaseState[] {s, empty}) {
            DataOutputSerializer out = new DataOutputSerializer(16);
            CaseStateSerializer.INSTANCE.serialize(c, out);
            CaseState back =
                    CaseStateSerializer.INSTANCE.deserialize(
                            new DataInputDeserializer(out.getCopyOfBuffer()));
            // Absent numbers are NaN: equal when their bits are.
            assertThat(back)
                    .usingRecursiveComparison()
                    .withComparatorForType(Double::compare, Double.class)
                    .isEqualTo(c);
            assertThat(CaseStateSerializer.INSTANCE.copy(c))
                    .usingRecursiveComparison()
                    .withComparatorForType(Double::compare, Double.class)
                    .isEqualTo(c);
        }
        assertThat(CaseStateSerializer.INSTANCE.copy(s).prediction).isNotSameAs(p);
    }
}
