package org.clinval.streaming.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.clinval.common.Sha256;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.ModelIdentity;
import org.clinval.imaging.dicom.write.Segment;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SegmentationReader;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.Uids;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.volume.Candidate;
import org.clinval.imaging.volume.Candidates;
import org.clinval.imaging.volume.DerivedObjects;
import org.clinval.imaging.volume.ProbabilityVolume;
import org.clinval.imaging.volume.SeriesVolume;
import org.clinval.imaging.volume.VolumeException;
import org.clinval.imaging.volume.VolumeMask;
import org.clinval.imaging.volume.VolumeSegmenter;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.RejectedInput;
import org.clinval.streaming.VolumeCase;
import org.clinval.streaming.VolumeEvaluatorFactory;
import org.clinval.streaming.function.CsvLines;
import org.clinval.streaming.study.VolumeTask;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.detection.Lesion;
import org.clinval.validation.segmentation.EmptyMasks;
import org.clinval.validation.segmentation.SegmentationMetrics;
import org.clinval.validation.segmentation.SegmentationResult;
import org.clinval.validation.segmentation.Spacing;

/**
 * Evaluates a case of a segmentation or detection study: reads its series into a checked volume
 * (sorted along the slice normal, spacing from the DICOM geometry), runs the model slice by slice
 * into a probability volume, and then
 *
 * <ul>
 *   <li>segmentation: thresholds it into the predicted mask, compares it with the reference SEG
 *       placed on the same grid (Dice, IoU, HD, HD95 as MONAI and pooled, ASSD, surface Dice at the
 *       protocol's tolerance; validation's {@link SegmentationMetrics}) and writes the predicted
 *       mask as a DICOM SEG ({@code results/seg/<case>.dcm});
 *   <li>detection: turns it into candidates (connected components, centre of mass in patient mm,
 *       score = highest probability), counts hits and false positives at the operating threshold by
 *       the LUNA16 rules (one hit per lesion; further candidates on a hit lesion are neither), and
 *       writes every candidate as a Comprehensive 3D SR ({@code results/sr/<case>.dcm}).
 * </ul>
 *
 * The written objects are named by the pseudonym and have UIDs derived from the case and the model,
 * so a case evaluated again after a restart writes the same file.
 */
public final class VolumeCaseEvaluator implements VolumeEvaluatorFactory {

    private static final long serialVersionUID = 1L;

    private static final Code NODULE = new Code("27925004", "SCT", "Nodule");

    private final String descriptor;
    private final boolean detection;
    private final String segment;
    private final double surfaceToleranceMm;
    private final int minCandidateVoxels;
    private final double minComponentMm3;
    private final double maxElongation;
    private final double threshold;
    private final ThresholdRule rule;
    private final String resultsDir;

    /**
     * @param descriptor the model descriptor
     * @param task the study's task settings
     * @param threshold the operating threshold on voxel probabilities
     * @param rule how the threshold applies
     * @param resultsDir the run's {@code results} folder
     */
    public VolumeCaseEvaluator(
            Path descriptor,
            VolumeTask task,
            double threshold,
            ThresholdRule rule,
            String resultsDir) {
        this.descriptor = descriptor.toAbsolutePath().toString();
        // Only what the evaluator needs, in serializable form: it is shipped to every subtask.
        this.detection = task.detection();
        this.segment = task.segment();
        this.surfaceToleranceMm = task.surfaceToleranceMm();
        this.minCandidateVoxels = task.minCandidateVoxels();
        this.minComponentMm3 = task.minComponentMm3();
        this.maxElongation = task.maxElongation();
        this.threshold = threshold;
        this.rule = rule;
        this.resultsDir = resultsDir;
    }

    @Override
    public VolumeEvaluator open() throws Exception {
        ImageModel model = Models.load(Path.of(descriptor));
        ImagePredictor predictor = model.newPredictor();
        ModelDescriptor d = model.descriptor();
        VolumeSegmenter segmenter = new VolumeSegmenter(d, predictor);
        ModelIdentity identity = new ModelIdentity(d.name(), d.version(), model.weightsSha256());
        return new VolumeEvaluator() {
            @Override
            public Evaluation evaluate(CaseInput in) throws Exception {
                return VolumeCaseEvaluator.this.evaluate(in, segmenter, identity);
            }

            @Override
            public void close() {
                predictor.close();
                model.close();
            }
        };
    }

    /** The threshold as a {@code >=} cut: {@code >} becomes the next float above. */
    double cut() {
        return rule == ThresholdRule.GT ? Math.nextUp((float) threshold) : threshold;
    }

    private VolumeEvaluatorFactory.Evaluation evaluate(
            CaseInput in, VolumeSegmenter segmenter, ModelIdentity identity) throws Exception {
        VolumeCase c;
        try {
            c = VolumeCase.read(in.caseId(), Path.of(in.file()));
        } catch (IOException e) {
            throw new RejectedInput(in.caseId() + ": the case's list cannot be read");
        }
        List<Path> files = new ArrayList<>();
        for (VolumeCase.Slice s : c.slices()) {
            Path p = Path.of(s.path());
            if (!s.sha256().isEmpty() && !s.sha256().equals(Sha256.of(p))) {
                throw new RejectedInput(s.id() + ": changed since the dataset was locked");
            }
            files.add(p);
        }
        SeriesVolume volume;
        try {
            volume = SeriesVolume.read(in.caseId(), files);
        } catch (VolumeException e) {
            throw new RejectedInput(e.getMessage());
        }
        ProbabilityVolume p = segmenter.segment(volume);
        double score = Math.max(0, Math.min(1, p.max()));
        String manufacturer =
                org.clinval.imaging.dicom.DicomReader.metadata(files.get(0))
                        .manufacturer()
                        .orElse("");
        DerivedInstance id = derived(c.caseId(), volume, identity);
        if (detection) {
            return detection(c, volume, p, score, manufacturer, id);
        }
        return segmentation(c, volume, p, score, manufacturer, id);
    }

    private VolumeEvaluatorFactory.Evaluation segmentation(
            VolumeCase c,
            SeriesVolume volume,
            ProbabilityVolume p,
            double score,
            String manufacturer,
            DerivedInstance id)
            throws Exception {
        VolumeMask predicted = p.threshold(cut()).withoutComponents(minComponentMm3, maxElongation);
        if (predicted.isEmpty()) {
            // The case-level call follows the mask: with no voxel left, the score is the highest
            // probability below the threshold (speckle the post-processing removed is not a call).
            score = below(p, cut());
        }
        VolumeMask reference = reference(c, volume);
        double[] mm = volume.geometry().spacingMm();
        SegmentationResult r =
                SegmentationMetrics.compute(
                        predicted.toMask(),
                        reference.toMask(),
                        Spacing.of(mm),
                        Double.isNaN(surfaceToleranceMm)
                                ? OptionalDouble.empty()
                                : OptionalDouble.of(surfaceToleranceMm));
        Path out = Path.of(resultsDir, "seg", fileName(c.caseId()));
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), ".seg", ".tmp");
        DerivedObjects.writeSegmentation(
                volume, predicted, Segment.finding("Nodule", NODULE), id, tmp);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // Where prediction and reference disagree most, for the report's worst cases: pixels of
        // the de-identified slice, named by the pseudonym.
        Path overlay =
                Path.of(
                        resultsDir,
                        "overlay",
                        c.caseId().replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        Files.createDirectories(overlay.getParent());
        Path png = Files.createTempFile(overlay.getParent(), ".overlay", ".tmp");
        Files.write(
                png, org.clinval.imaging.volume.ContourOverlay.png(volume, reference, predicted));
        Files.move(png, overlay, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> values =
                List.of(
                        num(r.dice()),
                        num(r.iou()),
                        num(r.hausdorff()),
                        num(r.hd95()),
                        num(r.hd95Pooled()),
                        num(r.assd()),
                        num(r.surfaceDice()),
                        emptyName(r.empty()),
                        Long.toString(reference.count()),
                        Long.toString(predicted.count()));
        return new VolumeEvaluatorFactory.Evaluation(manufacturer, score, values, List.of());
    }

    private VolumeEvaluatorFactory.Evaluation detection(
            VolumeCase c,
            SeriesVolume volume,
            ProbabilityVolume p,
            double score,
            String manufacturer,
            DerivedInstance id)
            throws Exception {
        // Candidates come from the whole probability map, below the operating threshold too, so
        // that the FROC can sweep every threshold; the components are formed at a low floor.
        List<Candidate> all = Candidates.extract(p, CANDIDATE_FLOOR, minCandidateVoxels);
        double top = all.stream().mapToDouble(Candidate::score).max().orElse(0);
        Path out = Path.of(resultsDir, "sr", fileName(c.caseId()));
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), ".sr", ".tmp");
        DerivedObjects.writeCandidates(volume, all, cut(), id, tmp);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<Lesion> lesions = new ArrayList<>();
        for (VolumeCase.LesionMm l : c.lesions()) {
            lesions.add(new Lesion(c.caseId(), l.x(), l.y(), l.z(), l.radius()));
        }
        boolean[] hit = new boolean[lesions.size()];
        int falsePositives = 0;
        int above = 0;
        List<String> lines = new ArrayList<>();
        for (Candidate k : all) {
            lines.add(
                    CsvLines.line(
                            c.caseId(),
                            Double.toString(k.centre().x()),
                            Double.toString(k.centre().y()),
                            Double.toString(k.centre().z()),
                            Double.toString(k.score())));
            if (k.score() < cut()) continue;
            above++;
            org.clinval.validation.detection.Candidate v =
                    new org.clinval.validation.detection.Candidate(
                            c.caseId(), k.centre().x(), k.centre().y(), k.centre().z(), k.score());
            boolean onLesion = false;
            for (int i = 0; i < lesions.size(); i++) {
                if (lesions.get(i).isHitBy(v)) {
                    onLesion = true;
                    hit[i] = true;
                }
            }
            if (!onLesion) falsePositives++;
        }
        int hits = 0;
        for (boolean h : hit) if (h) hits++;
        List<String> values =
                List.of(
                        Integer.toString(lesions.size()),
                        Integer.toString(hits),
                        Integer.toString(falsePositives),
                        Integer.toString(above));
        return new VolumeEvaluatorFactory.Evaluation(manufacturer, top, values, lines);
    }

    private static double below(ProbabilityVolume p, double cut) {
        double max = 0;
        for (int s = 0; s < p.geometry().slices(); s++) {
            for (float v : p.slice(s)) {
                if (v < cut && v > max) max = v;
            }
        }
        return max;
    }

    /** The probability above which voxels form candidates, whatever the operating threshold. */
    static final double CANDIDATE_FLOOR = 0.05;

    /**
     * The reference mask on the volume's grid: the reference SEG's frames are matched to the slices
     * through the source images they reference, read from the locked originals (the de-identified
     * copies have new UIDs but the same positions, hence the same order).
     */
    private VolumeMask reference(VolumeCase c, SeriesVolume volume) throws RejectedInput {
        if (c.reference().isEmpty()) {
            return VolumeMask.empty(volume.geometry());
        }
        VolumeCase.Slice ref = c.reference().get();
        Path file = Path.of(ref.path());
        try {
            if (!ref.sha256().isEmpty() && !ref.sha256().equals(Sha256.of(file))) {
                throw new RejectedInput(c.caseId() + ": the reference mask changed since the lock");
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
                // A NIfTI mask is placed through its sform (else qform) on the series' geometry;
                // an orientation that does not match is refused, never flipped.
                try {
                    return org.clinval.imaging.volume.ReferenceMasks.fromNifti(file, volume);
                } catch (VolumeException e) {
                    throw new RejectedInput(c.caseId() + "/reference: " + reason(e));
                }
            }
            List<Path> originals = new ArrayList<>();
            for (VolumeCase.Slice s : c.originals().isEmpty() ? c.slices() : c.originals()) {
                originals.add(Path.of(s.path()));
            }
            SourceSeries source = SourceSeries.read(originals);
            List<SegmentMask> masks = SegmentationReader.read(file, source);
            boolean[][] union = new boolean[volume.slices()][volume.rows() * volume.columns()];
            int used = 0;
            for (SegmentMask m : masks) {
                if (!selected(m, masks.indexOf(m) + 1)) continue;
                used++;
                boolean[][] f = m.frames();
                if (f.length != union.length || f[0].length != union[0].length) {
                    throw new RejectedInput(
                            c.caseId() + ": the reference mask is not on the series' grid");
                }
                for (int s = 0; s < f.length; s++) {
                    for (int i = 0; i < f[s].length; i++) union[s][i] |= f[s][i];
                }
            }
            if (used == 0) {
                throw new RejectedInput(
                        c.caseId()
                                + ": the reference mask has no segment "
                                + org.clinval.common.Quote.value(segment));
            }
            return new VolumeMask(volume.geometry(), union);
        } catch (ImagingException | IOException e) {
            throw new RejectedInput(
                    c.caseId() + "/reference: not a segmentation of this case's series");
        }
    }

    /** The exception's reason without the series name it starts with (the case is named). */
    private static String reason(VolumeException e) {
        String m = e.getMessage();
        String prefix = e.series() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private boolean selected(SegmentMask m, int number) {
        String s = segment.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("all")) return true;
        return s.equals(Integer.toString(number)) || s.equals(m.segment().label());
    }

    private static DerivedInstance derived(
            String caseId, SeriesVolume volume, ModelIdentity identity) {
        return new DerivedInstance(
                Uids.derive(
                        "clinval", "study-result", volume.seriesInstanceUid(), identity.sha256()),
                900,
                1,
                LocalDateTime.of(2000, 1, 1, 0, 0),
                identity);
    }

    private static String fileName(String caseId) {
        return caseId.replaceAll("[^A-Za-z0-9._-]", "_") + ".dcm";
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }

    private static String emptyName(EmptyMasks e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
