package org.clinval.surveillance.job;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
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
 * Writes a {@link WindowAcc} with the values its arrays hold and no more: the arrays grow by
 * doubling, and a generic serializer would write their empty room too (a third of a window's
 * checkpoint on average). Copies, which the heap state makes of a window changed after a
 * checkpoint, are as tight.
 */
public final class WindowAccSerializer extends TypeSerializerSingleton<WindowAcc> {

    private static final long serialVersionUID = 1L;
    static final WindowAccSerializer INSTANCE = new WindowAccSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public WindowAcc createInstance() {
        return new WindowAcc();
    }

    @Override
    public WindowAcc copy(WindowAcc from) {
        WindowAcc c = new WindowAcc(from.metadata);
        c.predictions = from.predictions;
        c.tp = from.tp;
        c.fp = from.fp;
        c.tn = from.tn;
        c.fn = from.fn;
        c.readers = from.readers;
        c.overrides = from.overrides;
        int n = from.nPred;
        c.nPred = n;
        c.score = Arrays.copyOf(from.score, n);
        if (from.metadata) {
            c.kvp = Arrays.copyOf(from.kvp, n);
            c.thick = Arrays.copyOf(from.thick, n);
            c.spacing = Arrays.copyOf(from.spacing, n);
            c.field = Arrays.copyOf(from.field, n);
        }
        c.nJoined = from.nJoined;
        c.joinedScore = Arrays.copyOf(from.joinedScore, from.nJoined);
        c.joinedPositive = Arrays.copyOf(from.joinedPositive, from.nJoined);
        c.nManufacturers = from.nManufacturers;
        c.manufacturers = Arrays.copyOf(from.manufacturers, from.nManufacturers);
        c.manufacturerCounts = Arrays.copyOf(from.manufacturerCounts, from.nManufacturers);
        c.nKernels = from.nKernels;
        c.kernels = Arrays.copyOf(from.kernels, from.nKernels);
        c.kernelCounts = Arrays.copyOf(from.kernelCounts, from.nKernels);
        return c;
    }

    @Override
    public WindowAcc copy(WindowAcc from, WindowAcc reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(WindowAcc a, DataOutputView out) throws IOException {
        out.writeBoolean(a.metadata);
        out.writeLong(a.predictions);
        out.writeLong(a.tp);
        out.writeLong(a.fp);
        out.writeLong(a.tn);
        out.writeLong(a.fn);
        out.writeLong(a.readers);
        out.writeLong(a.overrides);
        out.writeInt(a.nPred);
        doubles(a.score, a.nPred, out);
        if (a.metadata) {
            doubles(a.kvp, a.nPred, out);
            doubles(a.thick, a.nPred, out);
            doubles(a.spacing, a.nPred, out);
            doubles(a.field, a.nPred, out);
        }
        out.writeInt(a.nJoined);
        doubles(a.joinedScore, a.nJoined, out);
        out.write(a.joinedPositive, 0, a.nJoined);
        out.writeInt(a.nManufacturers);
        for (int i = 0; i < a.nManufacturers; i++) {
            StringValue.writeString(a.manufacturers[i], out);
            out.writeLong(a.manufacturerCounts[i]);
        }
        out.writeInt(a.nKernels);
        for (int i = 0; i < a.nKernels; i++) {
            StringValue.writeString(a.kernels[i], out);
            out.writeLong(a.kernelCounts[i]);
        }
    }

    @Override
    public WindowAcc deserialize(DataInputView in) throws IOException {
        WindowAcc a = new WindowAcc(in.readBoolean());
        a.predictions = in.readLong();
        a.tp = in.readLong();
        a.fp = in.readLong();
        a.tn = in.readLong();
        a.fn = in.readLong();
        a.readers = in.readLong();
        a.overrides = in.readLong();
        int n = in.readInt();
        a.nPred = n;
        a.score = doubles(n, in);
        if (a.metadata) {
            a.kvp = doubles(n, in);
            a.thick = doubles(n, in);
            a.spacing = doubles(n, in);
            a.field = doubles(n, in);
        }
        a.nJoined = in.readInt();
        a.joinedScore = doubles(a.nJoined, in);
        a.joinedPositive = new byte[a.nJoined];
        in.readFully(a.joinedPositive);
        a.nManufacturers = in.readInt();
        a.manufacturers = new String[a.nManufacturers];
        a.manufacturerCounts = new long[a.nManufacturers];
        for (int i = 0; i < a.nManufacturers; i++) {
            a.manufacturers[i] = StringValue.readString(in);
            a.manufacturerCounts[i] = in.readLong();
        }
        a.nKernels = in.readInt();
        a.kernels = new String[a.nKernels];
        a.kernelCounts = new long[a.nKernels];
        for (int i = 0; i < a.nKernels; i++) {
            a.kernels[i] = StringValue.readString(in);
            a.kernelCounts[i] = in.readLong();
        }
        return a;
    }

    @Override
    public WindowAcc deserialize(WindowAcc reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<WindowAcc> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void doubles(double[] v, int n, DataOutputView out) throws IOException {
        for (int i = 0; i < n; i++) out.writeLong(Double.doubleToRawLongBits(v[i]));
    }

    private static double[] doubles(int n, DataInputView in) throws IOException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Double.longBitsToDouble(in.readLong());
        return v;
    }

    /** The serializer has no configuration: its snapshot restores the one instance. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowAcc> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Gives {@link WindowAcc} this serializer. */
    public static final class Info extends TypeInfoFactory<WindowAcc> {
        @Override
        public TypeInformation<WindowAcc> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> generics) {
            return new Types();
        }
    }

    /** The type of {@link WindowAcc}. */
    public static final class Types extends TypeInformation<WindowAcc> {

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
        public Class<WindowAcc> getTypeClass() {
            return WindowAcc.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<WindowAcc> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "WindowAcc";
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
