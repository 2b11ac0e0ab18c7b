package org.clinval.app.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.training.GraderSpec;
import org.clinval.imaging.model.training.GraderTrainer;
import org.clinval.imaging.model.training.LesionClassifierTrainer;
import org.clinval.imaging.model.training.ModelTrainer;
import org.clinval.imaging.model.training.TrainingRun;
import org.clinval.imaging.model.training.TrainingSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval model train classifier|unet|grader|mr|dx --out DIR}. */
@Command(
        name = "train",
        description =
                "Train a built-in model on generated phantoms; writes its weights and "
                        + "descriptor.yaml to --out. Defaults reproduce the committed weights.")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "classifier|unet|grader|mr|dx",
            description =
                    "Which model: the nodule classifier or U-Net (chest CT), the retinopathy"
                            + " grader (fundus) or the MR or X-ray lesion classifier.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--cases", paramLabel = "N", description = "Training phantoms.")
    Integer cases;

    @Option(names = "--epochs", paramLabel = "E", description = "Passes over the phantoms.")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Phantom and training seed.")
    Long seed;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (List.of("grader", "mr", "dx").contains(model)) {
            return trainPhantomModel();
        }
        BuiltInModel which = BuiltInModel.parse(model);
        // The training phantoms are held in memory (256 KB each), and each epoch passes them all.
        if (cases != null) OptionValues.count("--cases", cases, 1, 20_000);
        if (epochs != null) OptionValues.count("--epochs", epochs, 1, 1_000);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageError("--out " + out + " is a file; give a folder");
        }
        TrainingSpec d = TrainingSpec.defaults(which);
        TrainingSpec s =
                d.with(
                        cases == null ? d.cases() : cases,
                        epochs == null ? d.epochs() : epochs,
                        seed == null ? d.seed() : seed);
        if (s.seed() == TrainingSpec.EVALUATION_SEED) {
            throw new UserError(
                    "seed "
                            + s.seed()
                            + " is the held-out evaluation seed; train with another seed");
        }
        var err = spec.commandLine().getErr();
        TrainingRun run;
        try {
            run = ModelTrainer.train(s, out, line -> err.println("clinval: " + line));
        } catch (IOException e) {
            throw new UserError("cannot write to " + out + ": " + e.getMessage(), e);
        }
        int n = run.losses().size();
        int k = Math.max(1, Math.min(50, n / 2));
        ObjectNode o = Json.object();
        o.put("model", run.descriptor().name());
        o.put("descriptor", run.descriptorFile().toString());
        o.put("weights", run.weightsFile().toString());
        o.put("sha256", run.descriptor().sha256().orElseThrow());
        o.put("cases", s.cases());
        o.put("epochs", s.epochs());
        o.put("seed", s.seed());
        o.put("batch_size", s.batchSize());
        o.put("crop", s.crop());
        o.put("steps", n);
        Json.put(o, "loss_first_" + k, run.meanLoss(0, k));
        Json.put(o, "loss_last_" + k, run.meanLoss(n - k, n));
        Json.put(o, "seconds", Math.round(run.seconds() * 10) / 10.0);
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    /** The grader and the MR and X-ray lesion classifiers (fundus, MR and DX phantoms). */
    private Integer trainPhantomModel() {
        if (cases != null) OptionValues.count("--cases", cases, 1, 20_000);
        if (epochs != null) OptionValues.count("--epochs", epochs, 1, 1_000);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageError("--out " + out + " is a file; give a folder");
        }
        var err = spec.commandLine().getErr();
        ObjectNode o = Json.object();
        try {
            if (model.equals("grader")) {
                GraderSpec d = GraderSpec.defaults();
                GraderSpec s =
                        d.with(
                                cases == null ? d.cases() : cases,
                                epochs == null ? d.epochs() : epochs,
                                seed == null ? d.seed() : seed);
                if (s.seed() == GraderSpec.EVALUATION_SEED) {
                    throw new UserError(
                            "seed "
                                    + s.seed()
                                    + " is the held-out evaluation seed; train with"
                                    + " another seed");
                }
                GraderTrainer.Run run =
                        GraderTrainer.train(s, out, line -> err.println("clinval: " + line));
                o.put("model", GraderTrainer.NAME);
                o.put("descriptor", run.descriptorFile().toString());
                o.put("weights", run.weightsFile().toString());
                o.put("sha256", run.sha256());
                o.put("cases", s.cases());
                o.put("epochs", s.epochs());
                o.put("seed", s.seed());
                int n = run.losses().size();
                int k = Math.max(1, Math.min(25, n / 2));
                Json.put(o, "loss_first_" + k, run.meanLoss(0, k));
                Json.put(o, "loss_last_" + k, run.meanLoss(n - k, n));
                Json.put(o, "seconds", Math.round(run.seconds() * 10) / 10.0);
            } else {
                String modality = model.toUpperCase(java.util.Locale.ROOT);
                long s =
                        seed != null
                                ? seed
                                : modality.equals("MR")
                                        ? LesionClassifierTrainer.MR_SEED
                                        : LesionClassifierTrainer.DX_SEED;
                LesionClassifierTrainer.Run run =
                        LesionClassifierTrainer.train(
                                modality,
                                cases == null ? (modality.equals("MR") ? 800 : 1200) : cases,
                                epochs == null ? (modality.equals("MR") ? 5 : 24) : epochs,
                                s,
                                out,
                                line -> err.println("clinval: " + line));
                o.put("model", run.name());
                o.put("descriptor", run.descriptorFile().toString());
                o.put("weights", run.weightsFile().toString());
                o.put("sha256", run.sha256());
                o.put("seed", s);
                Json.put(o, "seconds", Math.round(run.seconds() * 10) / 10.0);
            }
        } catch (IOException e) {
            throw new UserError("cannot write to " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }
}
