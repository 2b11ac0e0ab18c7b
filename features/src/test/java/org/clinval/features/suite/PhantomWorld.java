package org.clinval.features.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.streaming.GroundTruth;
import org.clinval.streaming.RunSummary;

/** A scenario's phantom CT study and what was made from it. */
public final class PhantomWorld {

    final SuiteWorld suite;
    PhantomStudy study;
    Path images;
    RunSummary inference;
    Path metrics;

    public PhantomWorld(SuiteWorld suite) {
        this.suite = suite;
    }

    /** Writes {@code n} phantom cases (64×64, half with a nodule) with canary identities. */
    void write(int n) throws Exception {
        study =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(77)
                                .setSize(64)
                                .setPrevalence(0.5)
                                .build(),
                        n,
                        suite.dir().resolve("study"));
        images = study.dicom();
    }

    /** Returns the ground truth of the phantom study in the inference job's form. */
    List<GroundTruth> truth() throws IOException {
        List<String> lines = Files.readAllLines(study.groundTruth(), StandardCharsets.UTF_8);
        List<GroundTruth> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.add(new GroundTruth(f[0], f[2], f[4], f[5], Integer.parseInt(f[6])));
        }
        return out;
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Returns every canary of the inputs found in {@code file}'s bytes (as text), if any. */
    List<String> canariesIn(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return study.canaries().stream().filter(text::contains).toList();
    }
}
