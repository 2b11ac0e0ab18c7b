package org.clinval.imaging.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.preprocess.ImageContext;
import org.clinval.imaging.testing.ColourGrader;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grad-CAM of a colour grading model: the built-in classifier for 3 channels and 5 grades, with
 * seeded random weights (shapes and targets, not a trained map), on a 48 × 40 photograph the
 * descriptor resizes to 32 × 32 and standardises per channel.
 */
class ColourGradCamTest {

    @TempDir Path dir;

    private Path gradingModel() throws Exception {
        return ColourGrader.write(dir);
    }

    /** A 48 × 40 colour image: smooth gradients per channel and a bright red disc. */
    static ImageSlice photograph() {
        int rows = 48, cols = 40, plane = rows * cols;
        float[] v = new float[3 * plane];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                boolean disc = (r - 30) * (r - 30) + (c - 12) * (c - 12) < 36;
                v[i] = disc ? 250 : 60 + 2 * r;
                v[plane + i] = disc ? 20 : 40 + 3 * c;
                v[2 * plane + i] = 30 + (r + c) % 17;
            }
        }
        return new ImageSlice(v, rows, cols, Double.NaN, Double.NaN, 3, ImageContext.RGB);
    }

    @Test
    void explainsThePredictedGradeOnTheColourInputAndEachTargetGivesItsOwnMap() throws Exception {
        try (ImageModel model = Models.load(gradingModel());
                ImagePredictor p = model.newPredictor()) {
            ImageSlice s = photograph();
            Prediction pred = p.predict(s);
            assertThat(pred.classProbabilities()).hasSize(5);
            ExplanationMap predicted = GradCam.explain(model, s);
            assertThat(predicted.target()).isEqualTo("class " + pred.grade() + " (predicted)");
            // The explained probability is the predictor's own for the predicted grade: Grad-CAM
            // saw the same three-channel input.
            assertThat(predicted.probability())
                    .isCloseTo(pred.classProbabilities()[pred.grade()], within(1e-5));
            assertThat(GradCam.explain(model, s, pred.grade()).map()).isEqualTo(predicted.map());
            int distinct = 0;
            for (int k = 0; k < 5; k++) {
                ExplanationMap m = GradCam.explain(model, s, k);
                assertThat(m.target()).isEqualTo("class " + k);
                assertThat(m.probability()).isCloseTo(pred.classProbabilities()[k], within(1e-5));
                assertThat(m.map().rows()).isEqualTo(48);
                assertThat(m.map().columns()).isEqualTo(40);
                assertThat(m.map().channels()).isEqualTo(1);
                float max = 0;
                for (float v : m.map().values()) {
                    assertThat(v).isFinite().isBetween(0f, 1f);
                    max = Math.max(max, v);
                }
                // Divided by its maximum before the bilinear resize: the peak is at most 1.
                if (k == pred.grade()) assertThat(max).isPositive();
                if (k != pred.grade() && !m.map().equals(predicted.map())) distinct++;
            }
            assertThat(distinct)
                    .as("other grades' maps that differ from the predicted one")
                    .isPositive();
            // Channels matter: the same image with red and blue swapped gives another map.
            float[] swapped = s.hu().clone();
            int plane = 48 * 40;
            System.arraycopy(s.hu(), 2 * plane, swapped, 0, plane);
            System.arraycopy(s.hu(), 0, swapped, 2 * plane, plane);
            ImageSlice bgr =
                    new ImageSlice(swapped, 48, 40, Double.NaN, Double.NaN, 3, ImageContext.RGB);
            assertThat(GradCam.explain(model, bgr, pred.grade()).map())
                    .isNotEqualTo(predicted.map());
        }
    }

    @Test
    void theMapsEqualGradCamRecomputedWithPyTorchFromTheSameWeightsAndInput() throws Exception {
        try (ImageModel model = Models.load(gradingModel())) {
            ImageSlice s = photograph();
            org.clinval.imaging.preprocess.Raster in = model.descriptor().prepare(s);
            ObjectMapper json = new ObjectMapper();
            ObjectNode e = json.createObjectNode();
            ArrayNode params = e.putArray("params");
            for (var p :
                    ((org.clinval.imaging.model.internal.DjlImageModel) model)
                            .djlModel()
                            .getBlock()
                            .getParameters()) {
                ArrayNode row = params.addArray();
                row.add(p.getKey());
                ArrayNode shape = row.addArray();
                for (long d : p.getValue().getArray().getShape().getShape()) shape.add(d);
                ArrayNode values = row.addArray();
                for (float v : p.getValue().getArray().toFloatArray()) values.add(v);
            }
            ArrayNode input = e.putArray("input");
            input.add(in.channels()).add(in.rows()).add(in.columns());
            ArrayNode values = input.addArray();
            for (float v : in.values()) values.add(v);
            e.put("rows", s.rows()).put("columns", s.columns());
            ArrayNode targets = e.putArray("targets");
            for (int k = 0; k < 5; k++) targets.add(k);
            Path export = dir.resolve("gradcam-export.json");
            json.writeValue(export.toFile(), e);
            // Reference call: /usr/bin/python3 src/test/python/gradcam_reference.py EXPORT.json
            // (torch 1.13: conv, batch norm with running statistics, autograd, F.interpolate
            // bilinear with align_corners=False)
            String[] lines =
                    Python.run("gradcam_reference.py", export.toString()).strip().split("\n");
            JsonNode logits = json.readTree(lines[0]).get("logits");
            int argmax = 0;
            for (int k = 1; k < 5; k++) {
                if (logits.get(k).asDouble() > logits.get(argmax).asDouble()) argmax = k;
            }
            assertThat(GradCam.explain(model, s).target())
                    .isEqualTo("class " + argmax + " (predicted)");
            for (int k = 0; k < 5; k++) {
                JsonNode ref = json.readTree(lines[1 + k]);
                assertThat(ref.get("target").asInt()).isEqualTo(k);
                float[] map = GradCam.explain(model, s, k).map().values();
                assertThat(ref.get("map")).hasSize(map.length);
                for (int i = 0; i < map.length; i++) {
                    assertThat((double) map[i])
                            .as("target %d pixel %d", k, i)
                            .isCloseTo(ref.get("map").get(i).asDouble(), within(1e-4));
                }
            }
        }
    }
}
