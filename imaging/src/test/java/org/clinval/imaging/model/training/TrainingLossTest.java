package org.clinval.imaging.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.common.Sha256;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short training run: the loss falls, and what it writes loads through the model API. */
class TrainingLossTest {

    /** Test seed, apart from the training (9_100_00x) and evaluation (9_200_001) seeds. */
    static final long SEED = 5_000_101L;

    @Test
    void lossFallsAndTheWrittenModelLoadsAndPredicts(@TempDir Path out) throws Exception {
        TrainingSpec spec =
                new TrainingSpec(BuiltInModel.NODULE_UNET, 16, 6, SEED, 8, 3e-3, 64, 0.7);
        TrainingRun run = ModelTrainer.train(spec, out, line -> {});
        int n = run.losses().size();
        assertThat(n).isEqualTo(12);
        double first = run.meanLoss(0, 4);
        double last = run.meanLoss(n - 4, n);
        assertThat(last).as("mean loss of the last 4 steps vs the first 4").isLessThan(first);

        String sha = Sha256.of(Files.readAllBytes(run.weightsFile()));
        assertThat(run.descriptor().sha256()).contains(sha);
        assertThat(Files.readString(run.descriptorFile()))
                .startsWith(
                        "# Written by: clinval model train unet --cases 16 --epochs 6 --seed 5000101");
        try (ImageModel m = Models.load(run.descriptorFile());
                ImagePredictor p = m.newPredictor()) {
            var c =
                    PhantomGenerator.builder()
                            .setSeed(SEED + 1)
                            .setSize(128)
                            .setPrevalence(1)
                            .build()
                            .generateCase(0);
            Prediction r = p.predict(ImageSlice.of(c.image(), 0));
            assertThat(r.probabilityMap().orElseThrow().rows()).isEqualTo(128);
            assertThat(m.weightsSha256()).isEqualTo(sha);
        }

        // One changed byte in the weights is refused, naming the file.
        byte[] w = Files.readAllBytes(run.weightsFile());
        w[w.length - 1] ^= 1;
        Files.write(run.weightsFile(), w);
        assertThatThrownBy(() -> Models.load(run.descriptorFile()).close())
                .isInstanceOf(org.clinval.imaging.model.ModelLoadException.class)
                .hasMessageContaining(run.weightsFile().getFileName() + " has SHA-256")
                .hasMessageContaining("was changed or replaced");
    }

    @Test
    void theClassifiersLossFallsToo(@TempDir Path out) throws Exception {
        TrainingSpec spec =
                new TrainingSpec(BuiltInModel.NODULE_CLASSIFIER, 16, 6, SEED + 2, 8, 3e-3, 64, 0.5);
        TrainingRun run = ModelTrainer.train(spec, out, line -> {});
        int n = run.losses().size();
        assertThat(n).isEqualTo(12);
        assertThat(run.meanLoss(n - 4, n))
                .as("mean loss of the last 4 steps vs the first 4")
                .isLessThan(run.meanLoss(0, 4));
    }
}
