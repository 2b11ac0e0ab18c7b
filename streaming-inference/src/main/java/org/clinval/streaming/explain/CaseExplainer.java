package org.clinval.streaming.explain;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.write.Colormap;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.ModelIdentity;
import org.clinval.imaging.dicom.write.OverlayStyle;
import org.clinval.imaging.dicom.write.OverlayWriter;
import org.clinval.imaging.dicom.write.SourceFrame;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.Uids;
import org.clinval.imaging.explain.ExplanationMap;
import org.clinval.imaging.explain.ExplanationScore;
import org.clinval.imaging.explain.ExplanationScoring;
import org.clinval.imaging.explain.Fill;
import org.clinval.imaging.explain.GradCam;
import org.clinval.imaging.explain.Lime;
import org.clinval.imaging.explain.Occlusion;
import org.clinval.imaging.explain.Overlay;
import org.clinval.imaging.model.DicomSlices;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.preprocess.Raster;

/**
 * Computes, scores and writes the explanation of one drawn case, with the model opened once (in the
 * subtask's thread, {@link #open}). Into {@code explanations/<case>/}: {@code original.png} (a grey
 * image in its display window, a colour photograph in its own colours), {@code map.png} (the map's
 * positive part over its maximum, JET colours), {@code overlay.png}, {@code overlay.dcm} (Secondary
 * Capture, {@link OverlayWriter}), {@code map.npy} (the map as float32, rows × columns, exactly as
 * scored) and, when the case has a lesion, {@code lesion.png}.
 *
 * <p>Settings as {@code clinval model explain} uses them: occlusion with a patch of 2/16 of the
 * rows every 1/16; LIME on a 16 × 16 grid with 300 samples and the study's seed; both fill with the
 * image's 5th percentile, each channel's own for a colour image ({@link Fill#percentile}). A
 * grading model is explained for its predicted grade (Grad-CAM its logit, occlusion and LIME its
 * probability). The display window of a grey image is its 0.5th to 99.5th percentile. A colour
 * source's Secondary Capture is written from its decoded pixels ({@link
 * OverlayWriter#writeColour}).
 */
public final class CaseExplainer implements AutoCloseable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String descriptor;
    private final String method;
    private final long seed;
    private final int tolerancePx;
    private final String outDir;
    private transient ImageModel model;
    private transient ImagePredictor predictor;

    /**
     * @param descriptor the model descriptor
     * @param method {@code grad-cam}, {@code lime} or {@code occlusion}
     * @param seed LIME's seed
     * @param tolerancePx the pointing game's tolerance
     * @param outDir the run's {@code explanations/} folder
     */
    public CaseExplainer(Path descriptor, String method, long seed, int tolerancePx, Path outDir) {
        this.descriptor = descriptor.toAbsolutePath().toString();
        this.method = method;
        this.seed = seed;
        this.tolerancePx = tolerancePx;
        this.outDir = outDir.toAbsolutePath().toString();
    }

    /** Opens the model. */
    public void open() throws Exception {
        model = Models.load(Path.of(descriptor));
        predictor = model.newPredictor();
    }

    /** Returns the case's folder name under {@code explanations/}. */
    public static String folder(String caseId) {
        return caseId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Explains {@code c}; a case that cannot be explained comes back with its problem. */
    public ExplainedCase explain(SelectedCase c) {
        String folder = folder(c.caseId());
        try {
            return explain(c, Path.of(outDir).resolve(folder), folder);
        } catch (Exception e) {
            return new ExplainedCase(
                    c.caseId(),
                    c.kind(),
                    method,
                    "",
                    "",
                    "",
                    -1,
                    -1,
                    0,
                    c.label(),
                    c.score(),
                    c.prediction(),
                    "",
                    folder,
                    "",
                    redact(e.getClass().getSimpleName() + ": " + e.getMessage(), c));
        }
    }

    /** Messages name the case by its pseudonym: file paths (folder names) are taken out. */
    static String redact(String message, SelectedCase c) {
        String m = String.valueOf(message);
        for (String[] p :
                new String[][] {
                    {c.image(), "the image"},
                    {c.original(), "the image"},
                    {c.mask(), "the lesion mask"}
                }) {
            if (p[0].isEmpty()) continue;
            m = m.replace(p[0], p[1]);
            String name = Path.of(p[0]).getFileName().toString();
            Path parent = Path.of(p[0]).getParent();
            if (parent != null) m = m.replace(parent.toString(), "(folder)");
            m = m.replace(name, p[1]);
        }
        return m;
    }

    private ExplainedCase explain(SelectedCase c, Path dir, String folder) throws Exception {
        // Explanations are of classifiers and grading models: a photograph without Pixel Spacing
        // is read as the predictor read it.
        DicomImage dicom = DicomReader.read(Path.of(c.image()));
        ImageSlice slice = DicomSlices.of(dicom, false);
        double[] fill = Fill.percentile(slice, 0.05);
        int cell = Math.max(1, slice.rows() / 16);
        ExplanationMap map =
                switch (method) {
                    case "grad-cam" -> GradCam.explain(model, slice);
                    case "occlusion" ->
                            Occlusion.builder()
                                    .setPatch(2 * cell)
                                    .setStride(cell)
                                    .setChannelFills(fill)
                                    .build()
                                    .explain(predictor, slice);
                    default ->
                            Lime.builder()
                                    .setCells(16)
                                    .setSamples(300)
                                    .setSeed(seed)
                                    .setChannelFills(fill)
                                    .build()
                                    .explain(predictor, slice);
                };
        boolean[] lesion = lesion(c, slice);
        ExplanationScore s = ExplanationScoring.score(map.map(), lesion, tolerancePx);
        Files.createDirectories(dir);
        String written =
                writeFiles(
                        c,
                        slice,
                        dicom.metadata().sopInstanceUid(),
                        map,
                        lesion,
                        s.maskPixels() > 0,
                        dir);
        StringJoiner params = new StringJoiner(";");
        new TreeMap<>(map.parameters()).forEach((k, v) -> params.add(k + "=" + v));
        return new ExplainedCase(
                c.caseId(),
                c.kind(),
                method,
                map.target(),
                s.pointingHit().map(h -> h ? "1" : "0").orElse(""),
                s.energyInMask().isPresent() ? Double.toString(s.energyInMask().getAsDouble()) : "",
                s.peakRow(),
                s.peakColumn(),
                s.maskPixels(),
                c.label(),
                c.score(),
                c.prediction(),
                params.toString(),
                folder,
                written,
                "");
    }

    /** The lesion mask on the image's grid: none (all false) when the case has no file. */
    private static boolean[] lesion(SelectedCase c, ImageSlice slice) throws Exception {
        int pixels = slice.rows() * slice.columns();
        if (c.mask().isEmpty()) return new boolean[pixels];
        boolean[] plane = LesionMask.read(Path.of(c.mask()), Path.of(c.original()));
        if (plane.length != pixels) {
            throw new IllegalArgumentException(
                    "the lesion mask has " + plane.length + " pixels, the image " + pixels);
        }
        return plane;
    }

    /** Writes the case's files; returns {@code overlay.dcm} or why it was not written. */
    private String writeFiles(
            SelectedCase c,
            ImageSlice slice,
            String sopInstanceUid,
            ExplanationMap map,
            boolean[] lesion,
            boolean hasLesion,
            Path dir)
            throws Exception {
        boolean colour = slice.channels() == 3;
        // A colour photograph is shown in its own colours (0..255); a grey image in its window.
        double lo = colour ? 0 : percentile(slice.hu(), 0.005);
        double hi = colour ? 255 : percentile(slice.hu(), 0.995);
        if (!(hi > lo)) hi = lo + 1;
        Raster image = slice.raster();
        float[] heat = heat(map.map().values());
        if (colour) {
            Png.rgb(dir.resolve("original.png"), image);
        } else {
            Png.grey(dir.resolve("original.png"), image, lo, hi);
        }
        Png.colour(dir.resolve("map.png"), heat, slice.rows(), slice.columns(), Colormap.JET);
        Overlay.writePng(dir.resolve("overlay.png"), image, map.map(), lo, hi, 0.6);
        if (hasLesion) Png.mask(dir.resolve("lesion.png"), lesion, slice.rows(), slice.columns());
        writeNpy(dir.resolve("map.npy"), map.map());
        try {
            writeOverlay(c, slice, sopInstanceUid, lo, hi, heat, dir.resolve("overlay.dcm"));
            return "overlay.dcm";
        } catch (org.clinval.imaging.ImagingException | IllegalArgumentException e) {
            return "not written: " + e.getMessage();
        }
    }

    private void writeOverlay(
            SelectedCase c,
            ImageSlice slice,
            String sopInstanceUid,
            double lo,
            double hi,
            float[] heat,
            Path file)
            throws org.clinval.imaging.ImagingException {
        ModelIdentity identity =
                new ModelIdentity(
                        model.descriptor().name(),
                        model.descriptor().version(),
                        model.weightsSha256());
        DerivedInstance id =
                new DerivedInstance(
                        Uids.derive(
                                "clinval",
                                "explanation",
                                method,
                                sopInstanceUid,
                                identity.sha256()),
                        902,
                        1,
                        LocalDateTime.of(2000, 1, 1, 0, 0),
                        identity);
        OverlayStyle style =
                new OverlayStyle((lo + hi) / 2, Math.max(1, hi - lo), 0.6, Colormap.JET);
        if (slice.channels() == 3) {
            OverlayWriter.writeColour(
                    Path.of(c.image()),
                    slice.hu(),
                    slice.rows(),
                    slice.columns(),
                    heat,
                    style,
                    id,
                    file);
            return;
        }
        SourceFrame source = SourceSeries.read(List.of(Path.of(c.image()))).frames().get(0);
        OverlayWriter.write(source, heat, style, id, file);
    }

    /**
     * The map's positive part over its maximum: values in [0, 1], all zero when none is positive.
     */
    static float[] heat(float[] v) {
        float max = 0;
        for (float x : v) max = Math.max(max, x);
        float[] h = new float[v.length];
        if (max > 0) for (int i = 0; i < v.length; i++) h[i] = Math.max(0, v[i]) / max;
        return h;
    }

    /** The {@code q} quantile of {@code v} (nearest rank). */
    static float percentile(float[] v, double q) {
        float[] s = v.clone();
        Arrays.sort(s);
        int k = (int) Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
        return s[k];
    }

    /** Writes {@code r} as a NumPy {@code .npy} file: float32, little-endian, (rows, columns). */
    static void writeNpy(Path file, Raster r) throws IOException {
        String dict =
                String.format(
                        Locale.ROOT,
                        "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
                        r.rows(),
                        r.columns());
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b =
                ByteBuffer.allocate(10 + header.length() + 4 * r.values().length)
                        .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (float f : r.values()) b.putFloat(f);
        Files.write(file, b.array());
    }

    /** The method's parameters as recorded in {@code explanations.csv}. */
    static Map<String, String> parse(String parameters) {
        Map<String, String> out = new TreeMap<>();
        if (parameters.isEmpty()) return out;
        for (String kv : parameters.split(";")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    @Override
    public void close() {
        if (predictor != null) predictor.close();
        if (model != null) model.close();
    }
}
