package org.clinval.surveillance.event;

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
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes an {@link Event} with every field, in a fixed order, and copies it field by field: the
 * generic serializer reached each of its twenty fields through reflection, for every event sent
 * from the parser to the join and every copy handed along the parser's chain.
 */
public final class EventSerializer extends TypeSerializerSingleton<Event> {

    private static final long serialVersionUID = 1L;

    /** The one instance (the serializer has no state). */
    public static final EventSerializer INSTANCE = new EventSerializer();

    private static final Event.Type[] TYPES = Event.Type.values();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Event createInstance() {
        return new Event();
    }

    @Override
    public Event copy(Event from, Event reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Event e, DataOutputView out) throws IOException {
        write(e, out);
    }

    @Override
    public Event deserialize(DataInputView in) throws IOException {
        return read(in);
    }

    @Override
    public Event deserialize(Event reuse, DataInputView in) throws IOException {
        return read(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        write(read(in), out);
    }

    @Override
    public TypeSerializerSnapshot<Event> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Returns a copy of {@code e} (null for null). */
    @Override
    public Event copy(Event e) {
        if (e == null) return null;
        Event c = new Event();
        c.type = e.type;
        c.caseId = e.caseId;
        c.eventTime = e.eventTime;
        c.site = e.site;
        c.deviceVersion = e.deviceVersion;
        c.modelVersion = e.modelVersion;
        c.score = e.score;
        c.grade = e.grade;
        c.decision = e.decision;
        c.modality = e.modality;
        c.manufacturer = e.manufacturer;
        c.manufacturerModelName = e.manufacturerModelName;
        c.kvp = e.kvp;
        c.sliceThicknessMm = e.sliceThicknessMm;
        c.pixelSpacingMm = e.pixelSpacingMm;
        c.convolutionKernel = e.convolutionKernel;
        c.magneticFieldStrengthT = e.magneticFieldStrengthT;
        c.label = e.label;
        c.source = e.source;
        c.agreed = e.agreed;
        return c;
    }

    /** Writes {@code e}, every field. */
    public static void write(Event e, DataOutputView b) throws IOException {
        b.writeByte(e.type == null ? -1 : e.type.ordinal());
        StringValue.writeString(e.caseId, b);
        b.writeLong(e.eventTime);
        StringValue.writeString(e.site, b);
        StringValue.writeString(e.deviceVersion, b);
        StringValue.writeString(e.modelVersion, b);
        b.writeDouble(e.score);
        b.writeInt(e.grade);
        b.writeInt(e.decision);
        StringValue.writeString(e.modality, b);
        StringValue.writeString(e.manufacturer, b);
        StringValue.writeString(e.manufacturerModelName, b);
        b.writeDouble(e.kvp);
        b.writeDouble(e.sliceThicknessMm);
        b.writeDouble(e.pixelSpacingMm);
        StringValue.writeString(e.convolutionKernel, b);
        b.writeDouble(e.magneticFieldStrengthT);
        b.writeInt(e.label);
        StringValue.writeString(e.source, b);
        b.writeBoolean(e.agreed);
    }

    /** Reads what {@link #write} wrote. */
    public static Event read(DataInputView b) throws IOException {
        Event e = new Event();
        int type = b.readByte();
        e.type = type < 0 ? null : TYPES[type];
        e.caseId = StringValue.readString(b);
        e.eventTime = b.readLong();
        e.site = StringValue.readString(b);
        e.deviceVersion = StringValue.readString(b);
        e.modelVersion = StringValue.readString(b);
        e.score = b.readDouble();
        e.grade = b.readInt();
        e.decision = b.readInt();
        e.modality = StringValue.readString(b);
        e.manufacturer = StringValue.readString(b);
        e.manufacturerModelName = StringValue.readString(b);
        e.kvp = b.readDouble();
        e.sliceThicknessMm = b.readDouble();
        e.pixelSpacingMm = b.readDouble();
        e.convolutionKernel = StringValue.readString(b);
        e.magneticFieldStrengthT = b.readDouble();
        e.label = b.readInt();
        e.source = StringValue.readString(b);
        e.agreed = b.readBoolean();
        return e;
    }

    /** The serializer has no configuration: its snapshot restores the one instance. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Event> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Gives {@link Event} this serializer. */
    public static final class Info extends TypeInfoFactory<Event> {
        @Override
        public TypeInformation<Event> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> generics) {
            return new Types();
        }
    }

    /** The type of {@link Event}. */
    public static final class Types extends TypeInformation<Event> {

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
        public Class<Event> getTypeClass() {
            return Event.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<Event> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "Event";
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
