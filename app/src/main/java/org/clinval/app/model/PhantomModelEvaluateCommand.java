package org.clinval.app.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.model.training.GraderEvaluation;
import org.clinval.imaging.model.training.GraderSpec;
import org.clinval.imaging.model.training.GraderTrainer;
import org.clinval.imaging.model.training.LesionClassifierTrainer;
import org.clinval.imaging.phantom.FundusGenerator;
import org.clinval.imaging.phantom.GreyCase;
import org.clinval.imaging.phantom.GreyPhantomGenerator;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.agreement.AgreementTable;
import org.clinval.validation.agreement.CohenKappa;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clinval model evaluate-phantom grader|mr|dx}: the held-out figures of a model card of the
 * phantom reference models: for the grader, kappa (unweighted, linear, quadratic; Fleiss–Cohen–
 * Everitt CI) against the true grade and against the graders' majority, the confusion matrix and
 * referable (grade ≥ 2) sensitivity and specificity with Clopper–Pearson intervals; for the MR and
 * X-ray classifiers, DeLong AUC and sensitivity and specificity at p ≥ 0.5.
 */
@Command(
        name = "evaluate-phantom",
        description =
                "Evaluate the retinopathy grader or the MR or X-ray lesion classifier on fresh"
                        + " phantoms (held-out seed by default) and print the model card's figures.")
public final class PhantomModelEvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "grader|mr|dx", description = "Which model.")
    String model;

    @Option(names = "--seed", paramLabel = "S", description = "Phantom seed (default: held-out).")
    Long seed;

    @Option(
            names = "--cases",
            defaultValue = "600",
            paramLabel = "N",
            description = "Phantoms (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(
            names = "--model-dir",
            paramLabel = "DIR",
            description = "Folder with descriptor.yaml and weights (default: the built-in model).")
    Path modelDir;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionValues.count("--cases", cases, 10, 100_000);
        if (!List.of("grader", "mr", "dx").contains(model)) {
            throw new UsageError("the model is not grader, mr or dx: " + model);
        }
        String name =
                model.equals("grader")
                        ? GraderTrainer.NAME
                        : LesionClassifierTrainer.name(model.toUpperCase(Locale.ROOT));
        String descriptor = read(name, "descriptor.yaml");
        Map<String, Object> d = new Yaml().load(descriptor);
        byte[] weights = readBytes(name, name + ".params");
        ObjectNode o = Json.object();
        o.put("model", name);
        o.put("cases", cases);
        ConfidenceLevel level = ConfidenceLevel.of(0.95);
        if (model.equals("grader")) {
            long s = seed == null ? GraderSpec.EVALUATION_SEED : seed;
            o.put("seed", s);
            Map<?, ?> std =
                    (Map<?, ?>)
                            ((Map<?, ?>) ((List<?>) d.get("preprocessing")).get(2))
                                    .get("standardize");
            List<GraderEvaluation.Graded> g =
                    GraderEvaluation.run(
                            weights,
                            doubles(std.get("mean")),
                            doubles(std.get("std")),
                            FundusGenerator.builder()
                                    .setSeed(s)
                                    .setSize(GraderSpec.PHANTOM_SIZE)
                                    .build(),
                            cases);
            grading(o, g, level);
        } else {
            String modality = model.toUpperCase(Locale.ROOT);
            long s =
                    seed != null
                            ? seed
                            : modality.equals("MR")
                                    ? LesionClassifierTrainer.MR_EVALUATION_SEED
                                    : LesionClassifierTrainer.DX_EVALUATION_SEED;
            o.put("seed", s);
            GreyPhantomGenerator gen = LesionClassifierTrainer.generator(modality, s);
            List<float[]> inputs = new ArrayList<>();
            boolean[] truth = new boolean[cases];
            for (int i = 0; i < cases; i++) {
                GreyCase c = gen.generateCase(i);
                truth[i] = c.positive();
                inputs.add(LesionClassifierTrainer.input(c));
            }
            double[] score = LesionClassifierTrainer.scores(weights, inputs);
            int tp = 0, pos = 0, tn = 0, neg = 0;
            for (int i = 0; i < cases; i++) {
                if (truth[i]) {
                    pos++;
                    if (score[i] >= 0.5) tp++;
                } else {
                    neg++;
                    if (score[i] < 0.5) tn++;
                }
            }
            AucEstimate auc = DeLong.auc(RocInput.of(truth, score, Direction.HIGHER), level);
            Json.put(o, "auc", auc.auc());
            auc.ci()
                    .ifPresent(
                            ci -> {
                                Json.put(o, "auc_ci_lower", ci.lower());
                                Json.put(o, "auc_ci_upper", ci.upper());
                            });
            proportion(o, "sensitivity", tp, pos, level);
            proportion(o, "specificity", tn, neg, level);
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private static void grading(
            ObjectNode o, List<GraderEvaluation.Graded> g, ConfidenceLevel level) {
        List<String> grades = FundusGenerator.GRADES;
        long[][] vsTruth = new long[5][5], vsMajority = new long[5][5];
        int refTp = 0, refPos = 0, refTn = 0, refNeg = 0;
        for (GraderEvaluation.Graded c : g) {
            int pred = c.predicted();
            vsTruth[c.grade()][pred]++;
            vsMajority[majority(c.graders(), c.grade())][pred]++;
            if (c.grade() >= 2) {
                refPos++;
                if (pred >= 2) refTp++;
            } else {
                refNeg++;
                if (pred < 2) refTn++;
            }
        }
        for (var e : Map.of("truth", vsTruth, "majority", vsMajority).entrySet()) {
            AgreementTable t = AgreementTable.of(grades, e.getValue());
            ObjectNode k = o.putObject("kappa_vs_" + e.getKey());
            for (KappaWeights w : KappaWeights.values()) {
                KappaEstimate est = CohenKappa.of(t, w, level);
                ObjectNode x = k.putObject(w.key());
                est.kappa().ifPresent(v -> Json.put(x, "kappa", v));
                est.ci()
                        .ifPresent(
                                ci -> {
                                    Json.put(x, "ci_lower", ci.lower());
                                    Json.put(x, "ci_upper", ci.upper());
                                });
            }
            ArrayNode cm = o.putArray("confusion_vs_" + e.getKey() + "_rows_reference");
            for (long[] row : e.getValue()) {
                ArrayNode r = cm.addArray();
                for (long v : row) r.add(v);
            }
        }
        proportion(o, "referable_sensitivity", refTp, refPos, level);
        proportion(o, "referable_specificity", refTn, refNeg, level);
    }

    /** The graders' majority; with three graders one grade off at most, a tie cannot happen. */
    private static int majority(int[] graders, int adjudicated) {
        int[] n = new int[5];
        for (int v : graders) n[v]++;
        for (int v = 0; v < 5; v++) if (n[v] >= 2) return v;
        return adjudicated;
    }

    private static void proportion(ObjectNode o, String name, int x, int n, ConfidenceLevel level) {
        ObjectNode p = o.putObject(name);
        p.put("successes", x);
        p.put("trials", n);
        if (n == 0) return;
        Json.put(p, "estimate", (double) x / n);
        var ci = BinomialInterval.CLOPPER_PEARSON.compute(x, n, level);
        Json.put(p, "ci_lower", ci.lower());
        Json.put(p, "ci_upper", ci.upper());
    }

    private static double[] doubles(Object list) {
        List<?> l = (List<?>) list;
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) v[i] = ((Number) l.get(i)).doubleValue();
        return v;
    }

    private String read(String name, String file) throws IOException {
        return new String(readBytes(name, file), StandardCharsets.UTF_8);
    }

    private byte[] readBytes(String name, String file) throws IOException {
        if (modelDir != null) {
            Path f = modelDir.resolve(file);
            if (!Files.isRegularFile(f)) throw new UserError(f + ": no such file");
            return Files.readAllBytes(f);
        }
        String r = "/org/clinval/imaging/models/" + name + "/" + file;
        try (InputStream in = PhantomModelEvaluateCommand.class.getResourceAsStream(r)) {
            if (in == null) throw new UserError("the built-in model has no " + r);
            return in.readAllBytes();
        }
    }
}
