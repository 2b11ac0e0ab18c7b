package org.clinval.app.phantom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.phantom.FundusGenerator;
import org.clinval.imaging.phantom.FundusStudyWriter;
import org.clinval.imaging.phantom.GreyPhantomGenerator;
import org.clinval.imaging.phantom.GreyStudyWriter;
import org.clinval.imaging.phantom.ImageStudy;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.imaging.phantom.SiteProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinval phantoms}: writes a phantom study with its ground truth: chest CT (default),
 * colour fundus photographs graded 0–4, T1 head MR or chest radiographs.
 */
@Command(
        name = "phantoms",
        description =
                "Generate a phantom study (DICOM) with ground truth: chest CT with nodule"
                        + " segmentations (--kind ct), colour fundus photographs graded 0-4 by"
                        + " three graders with lesion masks (fundus), T1 head MR (mr) or chest"
                        + " radiographs, some MONOCHROME1 (dx). Patient names, IDs and dates in"
                        + " the headers are synthetic canaries for PHI checks.")
public final class PhantomsCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder to write the study into.")
    Path out;

    @Option(names = "--cases", required = true, paramLabel = "N", description = "Number of cases.")
    int cases;

    @Option(
            names = "--seed",
            required = true,
            paramLabel = "S",
            description = "Seed; the same seed writes the same files.")
    long seed;

    @Option(
            names = "--size",
            defaultValue = "128",
            paramLabel = "128|256",
            description = "Image matrix (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--prevalence",
            defaultValue = "0.3",
            paramLabel = "P",
            description = "Share of cases with a nodule (default: ${DEFAULT-VALUE}).")
    double prevalence;

    @Option(
            names = "--slices",
            defaultValue = "1",
            paramLabel = "K",
            description =
                    "Slices per case: 1 for 2D images, more for volumes (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(
            names = "--drifted",
            defaultValue = "0",
            paramLabel = "F",
            description =
                    "Share of cases from a drifted scanner (+60 HU, sharp kernel) (default: ${DEFAULT-VALUE}).")
    double drifted;

    @Option(
            names = "--kind",
            defaultValue = "ct",
            paramLabel = "ct|fundus|mr|dx",
            description = "What to generate (default: ${DEFAULT-VALUE}).")
    String kind;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!kind.equals("ct")) {
            return imageStudy();
        }
        // Each case is about 130 KB of DICOM on disk (a volume: that per slice).
        OptionValues.count("--cases", cases, 1, 1_000_000);
        PhantomGenerator g =
                PhantomGenerator.builder()
                        .setSeed(seed)
                        .setSize(size)
                        .setPrevalence(prevalence)
                        .optSlices(slices)
                        .optDrifted(drifted, SiteProfile.driftedSite())
                        .build();
        PhantomStudy study;
        try {
            study = PhantomStudyWriter.write(g, cases, out);
        } catch (ImagingException e) {
            throw new UserError(e.getMessage(), e);
        }
        ObjectNode o = Json.object();
        o.put("study", study.root().toString());
        o.put("dicom", study.dicom().toString());
        o.put("ground_truth", study.groundTruth().toString());
        o.put("lesions", study.lesions().toString());
        o.put("cases", study.cases());
        o.put("positives", study.positives());
        o.put("segmentations", study.segmentations().size());
        o.put("seed", seed);
        o.put("size", size);
        o.put("slices", slices);
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private Integer imageStudy() {
        OptionValues.count("--cases", cases, 1, 1_000_000);
        ImageStudy study;
        try {
            study =
                    switch (kind) {
                        case "fundus" ->
                                FundusStudyWriter.write(
                                        FundusGenerator.builder()
                                                .setSeed(seed)
                                                .setSize(size)
                                                .build(),
                                        cases,
                                        out);
                        case "mr", "dx" ->
                                GreyStudyWriter.write(
                                        GreyPhantomGenerator.of(
                                                kind.toUpperCase(java.util.Locale.ROOT),
                                                seed,
                                                size,
                                                prevalence),
                                        cases,
                                        out);
                        default ->
                                throw new UsageError("--kind is not ct, fundus, mr or dx: " + kind);
                    };
        } catch (ImagingException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        ObjectNode o = Json.object();
        o.put("study", study.root().toString());
        o.put("kind", kind);
        o.put("dicom", study.dicom().toString());
        o.put("ground_truth", study.groundTruth().toString());
        o.put("masks", study.masks().map(Object::toString).orElse(""));
        o.put("cases", study.cases());
        o.put("positives", study.positives());
        o.put("seed", seed);
        o.put("size", size);
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }
}
