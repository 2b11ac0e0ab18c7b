package org.clinval.imaging.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding {@value #SLICES} CT-like 512×512 slices to physical values, per transfer syntax: {@link
 * DicomReader} against pydicom 2.3.1 (Debian; GDCM 3.0.21 for JPEG 2000) on the same files in the
 * same run. The slices are made once by {@code src/test/python/make_bench_slices.py} from Debian's
 * {@code CT_small.dcm}; pydicom runs in one long-lived {@code
 * src/test/python/pydicom_decode_worker.py} process that times itself, so its start-up is not
 * counted (its time is reported by the worker and the benchmark waits for it, so both sides are
 * wall-clock time for all slices). Throughput in slices/s = {@value #SLICES} / time per op.
 *
 * <p>Run: {@code tools/bench DicomDecodeBenchmark imaging}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 7)
public class DicomDecodeBenchmark {

    static final int SLICES = 100;
    static final Path DATA = Path.of("target", "bench-slices");

    @State(Scope.Benchmark)
    public static class Slices {
        @Param({"native", "rle", "j2k"})
        public String syntax;

        List<Path> files;
        Process python;
        PrintWriter toPython;
        BufferedReader fromPython;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            if (!Files.isDirectory(DATA.resolve("j2k"))
                    || listing(DATA.resolve("j2k")).size() != SLICES) {
                Process make =
                        new ProcessBuilder(
                                        "/usr/bin/python3",
                                        "src/test/python/make_bench_slices.py",
                                        DATA.toString(),
                                        Integer.toString(SLICES))
                                .inheritIO()
                                .start();
                if (make.waitFor() != 0) {
                    throw new IllegalStateException("make_bench_slices.py failed");
                }
            }
            files = listing(DATA.resolve(syntax));
            python =
                    new ProcessBuilder(
                                    "/usr/bin/python3", "src/test/python/pydicom_decode_worker.py")
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
            toPython = new PrintWriter(python.getOutputStream(), true, StandardCharsets.UTF_8);
            fromPython =
                    new BufferedReader(
                            new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            toPython.println();
            python.waitFor(10, TimeUnit.SECONDS);
            python.destroy();
        }

        private static List<Path> listing(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.sorted().toList();
            }
        }
    }

    /** clinval: every slice read and decoded to float physical values. */
    @Benchmark
    public double decode_clinval(Slices s) throws DicomReadException {
        double check = 0;
        for (Path f : s.files) {
            DicomImage im = DicomReader.read(f);
            check += im.value(0, 0, 0);
        }
        return check;
    }

    /** Baseline: pydicom's pixel_array + apply_modality_lut on the same files. */
    @Benchmark
    public String decode_pydicomBaseline(Slices s) throws IOException {
        s.toPython.println(DATA.resolve(s.syntax).toAbsolutePath());
        String reply = s.fromPython.readLine();
        if (reply == null || !reply.startsWith(SLICES + " ")) {
            throw new IllegalStateException("pydicom worker replied: " + reply);
        }
        return reply;
    }
}
