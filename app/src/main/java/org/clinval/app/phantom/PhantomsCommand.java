package org.clinval.app.phantom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.imaging.phantom.SiteProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval phantoms}: writes a phantom CT study with its ground truth. */
@Command(
        name = "phantoms",
        description =
                "Generate a phantom chest CT study (DICOM), with nodule segmentations and ground"
                        + " truth. Patient names, IDs and dates in the headers are synthetic"
                        + " canaries for PHI checks.")
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

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
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
}
