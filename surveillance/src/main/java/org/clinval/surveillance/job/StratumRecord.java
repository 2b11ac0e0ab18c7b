package org.clinval.surveillance.job;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfo;
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
 * A {@link CaseRecord} in one of its strata, reduced to what the stratum's windows and days count
 * (see {@link WindowAcc#add} and {@link DailyMetric#add}): a prediction's score, call and
 * acquisition metadata, a joined case's score, call and truth, a reader decision's agreement. Every
 * record is copied into four strata and sent to the stratum's operator, so it is sent small: its
 * serializer writes only the fields of its kind, a fifth of the bytes of the whole case record.
 */
@TypeInfo(StratumRecord.Info.class)
public final class StratumRecord {

    public CaseRecord.Kind kind;
    public String stratum;
    public double score = Double.NaN;
    public int decision;
    public int label;

    /** 1 agreed, 0 overrode, -1 no reader decision known. */
    public int readerAgreed = -1;

    public String manufacturer;
    public String convolutionKernel;
    public double kvp = Double.NaN;
    public double sliceThicknessMm = Double.NaN;
    public double pixelSpacingMm = Double.NaN;
    public double magneticFieldStrengthT = Double.NaN;

    public StratumRecord() {}

    /** Returns what the windows of {@code stratum} count of {@code r}. */
    static StratumRecord of(CaseRecord r, String stratum) {
        StratumRecord c = new StratumRecord();
        c.kind = r.kind;
        c.stratum = stratum;
        switch (r.kind) {
            case PREDICTION -> {
                c.score = r.score;
                c.decision = r.decision;
                c.manufacturer = r.manufacturer;
                c.convolutionKernel = r.convolutionKernel;
                c.kvp = r.kvp;
                c.sliceThicknessMm = r.sliceThicknessMm;
                c.pixelSpacingMm = r.pixelSpacingMm;
                c.magneticFieldStrengthT = r.magneticFieldStrengthT;
            }
            case JOINED -> {
                c.score = r.score;
                c.decision = r.decision;
                c.label = r.label;
            }
            case READER -> c.readerAgreed = r.readerAgreed;
        }
        return c;
    }

    /** Gives the records their {@link Serializer}. */
    public static final class Info extends TypeInfoFactory<StratumRecord> {
        @Override
        public TypeInformation<StratumRecord> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> generics) {
            return new Types();
        }
    }

    /** The type of the records. */
    public static final class Types extends TypeInformation<StratumRecord> {

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
        public Class<StratumRecord> getTypeClass() {
            return StratumRecord.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<StratumRecord> createSerializer(SerializerConfig config) {
            return Serializer.INSTANCE;
        }

        @Override
        public String toString() {
            return "StratumRecord";
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

    /** Writes the kind, the stratum and the fields of the kind. */
    public static final class Serializer extends TypeSerializerSingleton<StratumRecord> {

        private static final long serialVersionUID = 1L;
        static final Serializer INSTANCE = new Serializer();
        private static final CaseRecord.Kind[] KINDS = CaseRecord.Kind.values();

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public StratumRecord createInstance() {
            return new StratumRecord();
        }

        @Override
        public StratumRecord copy(StratumRecord from) {
            StratumRecord c = new StratumRecord();
            c.kind = from.kind;
            c.stratum = from.stratum;
            c.score = from.score;
            c.decision = from.decision;
            c.label = from.label;
            c.readerAgreed = from.readerAgreed;
            c.manufacturer = from.manufacturer;
            c.convolutionKernel = from.convolutionKernel;
            c.kvp = from.kvp;
            c.sliceThicknessMm = from.sliceThicknessMm;
            c.pixelSpacingMm = from.pixelSpacingMm;
            c.magneticFieldStrengthT = from.magneticFieldStrengthT;
            return c;
        }

        @Override
        public StratumRecord copy(StratumRecord from, StratumRecord reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(StratumRecord r, DataOutputView out) throws IOException {
            out.writeByte(r.kind.ordinal());
            StringValue.writeString(r.stratum, out);
            switch (r.kind) {
                case PREDICTION -> {
                    out.writeDouble(r.score);
                    out.writeInt(r.decision);
                    StringValue.writeString(r.manufacturer, out);
                    StringValue.writeString(r.convolutionKernel, out);
                    out.writeDouble(r.kvp);
                    out.writeDouble(r.sliceThicknessMm);
                    out.writeDouble(r.pixelSpacingMm);
                    out.writeDouble(r.magneticFieldStrengthT);
                }
                case JOINED -> {
                    out.writeDouble(r.score);
                    out.writeInt(r.decision);
                    out.writeInt(r.label);
                }
                case READER -> out.writeInt(r.readerAgreed);
            }
        }

        @Override
        public StratumRecord deserialize(DataInputView in) throws IOException {
            StratumRecord r = new StratumRecord();
            r.kind = KINDS[in.readByte()];
            r.stratum = StringValue.readString(in);
            switch (r.kind) {
                case PREDICTION -> {
                    r.score = in.readDouble();
                    r.decision = in.readInt();
                    r.manufacturer = StringValue.readString(in);
                    r.convolutionKernel = StringValue.readString(in);
                    r.kvp = in.readDouble();
                    r.sliceThicknessMm = in.readDouble();
                    r.pixelSpacingMm = in.readDouble();
                    r.magneticFieldStrengthT = in.readDouble();
                }
                case JOINED -> {
                    r.score = in.readDouble();
                    r.decision = in.readInt();
                    r.label = in.readInt();
                }
                case READER -> r.readerAgreed = in.readInt();
            }
            return r;
        }

        @Override
        public StratumRecord deserialize(StratumRecord reuse, DataInputView in) throws IOException {
            return deserialize(in);
        }

        @Override
        public void copy(DataInputView in, DataOutputView out) throws IOException {
            serialize(deserialize(in), out);
        }

        @Override
        public TypeSerializerSnapshot<StratumRecord> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The serializer has no configuration: its snapshot restores the one instance. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<StratumRecord> {
        public Snapshot() {
            super(() -> Serializer.INSTANCE);
        }
    }
}
