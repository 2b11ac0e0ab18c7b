package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clinval.common.Sha256;
import org.clinval.imaging.explain.ExplanationMap;
import org.clinval.imaging.explain.GradCam;
import org.clinval.imaging.phantom.Lesion;
import org.clinval.imaging.phantom.PhantomCase;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed models, on a test seed (4_400_001) apart from the training and held-out seeds.
 * Their held-out figures are in the model cards (clinval model evaluate); here a few cases check
 * that loading, preprocessing and decoding are wired right.
 */
class BuiltInModelTest {

    static final long TEST_SEED = 4_400_001L;

    static ImageModel classifier;
    static ImageModel unet;
    static List<PhantomCase> cases;

    @BeforeAll
    static void load() throws Exception {
        classifier = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER);
        unet = Models.builtIn(BuiltInModel.NODULE_UNET);
        // Nodules of 10-20 mm: large enough that every one should be found.
        cases =
                PhantomGenerator.builder()
                        .setSeed(TEST_SEED)
                        .setSize(256)
                        .setPrevalence(0.5)
                        .optDiameters(10, 20)
                        .build()
                        .generate(16);
    }

    @AfterAll
    static void close() {
        classifier.close();
        unet.close();
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = BuiltInModelTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String name) throws Exception {
        try (InputStream in = BuiltInModelTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void weightsCardAndDescriptorAgreeOnTheSha256() throws Exception {
        for (BuiltInModel m : BuiltInModel.values()) {
            String folder = m.resourceFolder();
            ImageModel loaded = m == BuiltInModel.NODULE_CLASSIFIER ? classifier : unet;
            String sha = Sha256.of(bytes(folder + m.id() + ".params"));
            assertThat(loaded.weightsSha256()).isEqualTo(sha);
            assertThat(loaded.descriptor().sha256()).contains(sha);
            assertThat(resource(folder + "MODEL_CARD.md")).contains(sha);
            assertThat(bytes(folder + m.id() + ".params").length).isLessThan(3_000_000);
        }
    }

    @Test
    void theClassifierSeparatesLargeNodulesFromNegatives() throws Exception {
        List<ImageSlice> slices = new ArrayList<>();
        for (PhantomCase c : cases) slices.add(ImageSlice.of(c.image(), 0));
        try (ImagePredictor p = classifier.newPredictor()) {
            List<Prediction> batch = p.predictAll(slices);
            double minPositive = 1, maxNegative = 0;
            for (int i = 0; i < cases.size(); i++) {
                Prediction single = p.predict(slices.get(i));
                assertThat(batch.get(i).probability())
                        .isCloseTo(single.probability(), within(1e-5));
                if (cases.get(i).positive()) {
                    minPositive = Math.min(minPositive, single.probability());
                } else {
                    maxNegative = Math.max(maxNegative, single.probability());
                }
            }
            assertThat(minPositive)
                    .as("every large nodule is ranked above every negative")
                    .isGreaterThan(maxNegative);
        }
    }

    @Test
    void theUNetOutlinesLargeNodules() throws Exception {
        try (ImagePredictor p = unet.newPredictor()) {
            double sum = 0;
            int n = 0;
            for (PhantomCase c : cases) {
                boolean[] mask = p.predict(ImageSlice.of(c.image(), 0)).mask().orElseThrow();
                boolean[] truth = c.image().mask();
                int both = 0, pred = 0, ref = 0;
                for (int i = 0; i < mask.length; i++) {
                    if (mask[i]) pred++;
                    if (truth[i]) ref++;
                    if (mask[i] && truth[i]) both++;
                }
                if (!c.positive()) continue;
                sum += 2.0 * both / (pred + ref);
                n++;
            }
            assertThat(sum / n).as("mean Dice over %d large nodules", n).isGreaterThan(0.75);
        }
    }

    @Test
    void gradCamPeaksOnTheNoduleOnTheInputGrid() throws Exception {
        PhantomCase c = cases.stream().filter(PhantomCase::positive).findFirst().orElseThrow();
        // The same case at 128 x 128: the map must come back on the 128 grid, not the model's.
        PhantomCase small =
                PhantomGenerator.builder()
                        .setSeed(TEST_SEED)
                        .setSize(128)
                        .setPrevalence(0.5)
                        .optDiameters(10, 20)
                        .build()
                        .generateCase(c.index());
        for (PhantomCase k : List.of(c, small)) {
            ImageSlice s = ImageSlice.of(k.image(), 0);
            ExplanationMap m = GradCam.explain(classifier, s);
            assertThat(m.map().rows()).isEqualTo(k.image().rows());
            Lesion l = k.lesions().get(0);
            double x = k.image().x(m.peakColumn()), y = k.image().y(m.peakRow());
            assertThat(Math.hypot(x - l.x(), y - l.y()))
                    .as("distance of the peak from the nodule centre, mm")
                    .isLessThan(l.radiusMm() + 2);
            assertThat(GradCam.explain(classifier, s).map()).isEqualTo(m.map());
        }
    }

    @Test
    void gradCamRefusesOtherModels() {
        assertThatThrownBy(() -> GradCam.explain(unet, ImageSlice.of(cases.get(0).image(), 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use occlusion or LIME");
    }

    @Test
    void preparingAsAStageOfItsOwnGivesThePredictorsOwnAnswer() throws Exception {
        for (BuiltInModel which : BuiltInModel.values()) {
            try (ImageModel m = Models.builtIn(which);
                    ImagePredictor p = m.newPredictor()) {
                for (PhantomCase c : cases.subList(0, 3)) {
                    ImageSlice s = ImageSlice.of(c.image(), 0);
                    double whole = p.predict(s).probability();
                    double staged =
                            p.predictPrepared(List.of(m.descriptor().prepare(s)))
                                    .get(0)
                                    .probability();
                    assertThat(staged).as(which + " " + c.caseId()).isEqualTo(whole);
                }
            }
        }
    }
}
