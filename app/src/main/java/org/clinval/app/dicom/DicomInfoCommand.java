package org.clinval.app.dicom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clinval.app.cli.Json;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code clinval dicom info FILE...}: one JSON object per file with its SOP class, modality,
 * transfer syntax, size and the range and mean of its physical pixel values (after the modality
 * LUT), or an {@code error}. One file prints one object; several files, or a directory, print an
 * array in argument order (directories walked recursively, in path order, keeping only files that
 * start with the DICOM Part 10 preamble). No patient name or ID is ever printed. The exit code is 1
 * if any file failed.
 */
@Command(
        name = "info",
        description = {
            "Print SOP class, modality, transfer syntax, size and pixel statistics (after the"
                    + " modality LUT) of DICOM files as JSON: an object for one file, an array"
                    + " for several.",
            "Directories are searched recursively for DICOM Part 10 files; other files in them"
                    + " are skipped. Exit code 1 if any file cannot be read."
        })
public final class DicomInfoCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files or directories.")
    List<Path> paths;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                files.addAll(walk(p));
            } else {
                files.add(p); // named explicitly: always reported, DICOM or not
            }
        }
        int failed = 0;
        ArrayNode all = Json.array();
        for (Path f : files) {
            ObjectNode o = describe(f);
            if (o.has("error")) {
                failed++;
            }
            all.add(o);
        }
        boolean single = paths.size() == 1 && !Files.isDirectory(paths.get(0));
        spec.commandLine().getOut().println(Json.write(single ? all.get(0) : all));
        if (failed > 0) {
            spec.commandLine()
                    .getErr()
                    .println("clinval: " + failed + " of " + files.size() + " files failed");
            return 1;
        }
        return 0;
    }

    private static List<Path> walk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(DicomReader::isPart10).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static ObjectNode describe(Path file) {
        ObjectNode o = Json.object();
        o.put("file", file.toString());
        DicomMetadata m;
        try {
            m = DicomReader.metadata(file);
        } catch (DicomReadException e) {
            return error(o, e);
        }
        o.put("sop_class", m.sopClassUid());
        o.put("sop_class_name", m.sopClassName().orElse(null));
        o.put("modality", m.modality().orElse(null));
        o.put("transfer_syntax", m.transferSyntax().uid());
        o.put("transfer_syntax_name", m.transferSyntax().name());
        if (!m.image()) {
            for (String k :
                    new String[] {
                        "rows", "columns", "frames", "pixel_min", "pixel_max", "pixel_mean"
                    }) {
                o.putNull(k);
            }
            return o;
        }
        DicomImage image;
        try {
            image = DicomReader.read(file);
        } catch (DicomReadException e) {
            return error(o, e);
        }
        o.put("rows", image.rows());
        o.put("columns", image.columns());
        o.put("frames", image.frames());
        o.put("samples_per_pixel", image.samplesPerPixel());
        o.put("photometric_interpretation", image.photometricInterpretation());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long n = 0;
        for (int f = 0; f < image.frames(); f++) {
            var buffer = image.frameBuffer(f);
            while (buffer.hasRemaining()) {
                float v = buffer.get();
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                n++;
            }
        }
        Json.put(o, "pixel_min", min);
        Json.put(o, "pixel_max", max);
        Json.put(o, "pixel_mean", sum / n);
        var lut = image.modalityLut();
        o.put("modality_lut", lut.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (lut.kind() == org.clinval.imaging.dicom.ModalityLut.Kind.RESCALE) {
            Json.put(o, "rescale_slope", lut.slope());
            Json.put(o, "rescale_intercept", lut.intercept());
        }
        o.put("units", lut.units().orElse(null));
        return o;
    }

    private static ObjectNode error(ObjectNode o, DicomReadException e) {
        e.transferSyntax()
                .ifPresent(
                        ts -> {
                            o.put("transfer_syntax", ts.uid());
                            o.put("transfer_syntax_name", ts.name());
                        });
        o.put("error", e.getMessage());
        return o;
    }
}
