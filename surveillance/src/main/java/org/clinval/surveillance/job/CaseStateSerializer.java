package org.clinval.surveillance.job;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.clinval.surveillance.event.Event;
import org.clinval.surveillance.event.EventSerializer;

/**
 * Writes a {@link CaseState}, its events with every field, as one block of bytes. The join holds a
 * case for twice the horizon, and a full snapshot writes every case at every checkpoint: written
 * field by field (a generic serializer, a byte at a time into the checkpoint stream for each
 * character of a string) that was a third of the job's time. Copies, which the heap state makes of
 * a case changed after a checkpoint, copy the fields directly.
 */
public final class CaseStateSerializer extends TypeSerializerSingleton<CaseState> {

    private static final long serialVersionUID = 1L;
    static final CaseStateSerializer INSTANCE = new CaseStateSerializer();
    private static final ThreadLocal<DataOutputSerializer> BUFFER =
            ThreadLocal.withInitial(() -> new DataOutputSerializer(512));

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public CaseState createInstance() {
        return new CaseState();
    }

    @Override
    public CaseState copy(CaseState from) {
        CaseState c = new CaseState();
        c.prediction = EventSerializer.INSTANCE.copy(from.prediction);
        c.truth = EventSerializer.INSTANCE.copy(from.truth);
        c.reader = EventSerializer.INSTANCE.copy(from.reader);
        c.joined = from.joined;
        c.pendingTruth = EventSerializer.INSTANCE.copy(from.pendingTruth);
        c.pendingReader = EventSerializer.INSTANCE.copy(from.pendingReader);
        c.readerUsed = from.readerUsed;
        c.readerAgreed = from.readerAgreed;
        c.tombstone = from.tombstone;
        return c;
    }

    @Override
    public CaseState copy(CaseState from, CaseState reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CaseState s, DataOutputView out) throws IOException {
        DataOutputSerializer b = BUFFER.get();
        b.clear();
        int present =
                (s.prediction != null ? 1 : 0)
                        | (s.truth != null ? 2 : 0)
                        | (s.reader != null ? 4 : 0)
                        | (s.pendingTruth != null ? 8 : 0)
                        | (s.pendingReader != null ? 16 : 0)
                        | (s.joined ? 32 : 0)
                        | (s.readerUsed ? 64 : 0);
        b.writeByte(present);
        b.writeInt(s.readerAgreed);
        b.writeLong(s.tombstone);
        for (Event e :
                new Event[] {s.prediction, s.truth, s.reader, s.pendingTruth, s.pendingReader}) {
            if (e != null) EventSerializer.write(e, b);
        }
        out.writeInt(b.length());
        out.write(b.getSharedBuffer(), 0, b.length());
    }

    @Override
    public CaseState deserialize(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        DataInputDeserializer b = new DataInputDeserializer(bytes);
        CaseState s = new CaseState();
        int present = b.readByte();
        s.readerAgreed = b.readInt();
        s.tombstone = b.readLong();
        s.joined = (present & 32) != 0;
        s.readerUsed = (present & 64) != 0;
        if ((present & 1) != 0) s.prediction = EventSerializer.read(b);
        if ((present & 2) != 0) s.truth = EventSerializer.read(b);
        if ((present & 4) != 0) s.reader = EventSerializer.read(b);
        if ((present & 8) != 0) s.pendingTruth = EventSerializer.read(b);
        if ((present & 16) != 0) s.pendingReader = EventSerializer.read(b);
        return s;
    }

    @Override
    public CaseState deserialize(CaseState reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        int n = in.readInt();
        out.writeInt(n);
        out.write(in, n);
    }

    @Override
    public TypeSerializerSnapshot<CaseState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot restores the one instance. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CaseState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Gives {@link CaseState} this serializer. */
    public static final class Info extends TypeInfoFactory<CaseState> {
        @Override
        public TypeInformation<CaseState> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> generics) {
            return new Types();
        }
    }

    /** The type of {@link CaseState}. */
    public static final class Types extends TypeInformation<CaseState> {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<CaseState> getTypeClass() {
            return CaseState.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<CaseState> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "CaseState";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Types;
        }

        @Override
        public int hashCode() {
            return Types.class.hashCode();
        }

        @Override
        public boolean canEqual(Object o) {
            return o instanceof Types;
        }
    }
}
