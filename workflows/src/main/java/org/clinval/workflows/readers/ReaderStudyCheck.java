package org.clinval.workflows.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clinval.common.Problem;
import org.clinval.common.Quote;
import org.clinval.validation.Direction;
import org.clinval.validation.mrmc.MissingReads;
import org.clinval.validation.mrmc.ReaderStudy;
import org.clinval.validation.mrmc.StudyDesign;
import org.clinval.workflows.protocol.ReaderStudySettings;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Everything {@code study check} finds wrong with a reader-study arm before anyone signs: the
 * problems of its reads file ({@link ReadsFile}), then, against the ground truth, a case that is
 * not in it, a reader without reads in one modality, fewer than {@value #MIN_READERS} readers or
 * fewer than {@value #MIN_PER_CLASS} positive or negative cases, and a design the protocol's
 * analysis cannot take (Obuchowski–Rockette needs every reader to read every case in both
 * modalities).
 */
public final class ReaderStudyCheck {

    /** The fewest readers of an MRMC analysis. */
    public static final int MIN_READERS = 2;

    /** The fewest positive and negative cases of an MRMC analysis. */
    public static final int MIN_PER_CLASS = 2;

    /**
     * The outcome of the check.
     *
     * @param problems what blocks the study
     * @param design how readers, cases and modalities are crossed, when the reads could be formed
     *     into a study
     * @param reads the rows of the reads file that could be read
     * @param readers the readers of those rows
     * @param positives positive cases of the ground truth they read
     * @param negatives negative cases of the ground truth they read
     */
    public record Result(
            List<Problem> problems,
            Optional<StudyDesign> design,
            int reads,
            int readers,
            int positives,
            int negatives) {

        public Result {
            problems = List.copyOf(problems);
        }

        /** A result with problems only: nothing could be counted. */
        Result(List<Problem> problems) {
            this(problems, Optional.empty(), 0, 0, 0, 0);
        }
    }

    private ReaderStudyCheck() {}

    /** Checks the reader study of {@code protocol}; no problem when it has none. */
    public static List<Problem> problems(StudyProtocol protocol) {
        return check(protocol).map(Result::problems).orElse(List.of());
    }

    /** Checks the reader study of {@code protocol}; empty when it has none. */
    public static Optional<Result> check(StudyProtocol protocol) {
        if (protocol.readerStudy().isEmpty()) {
            return Optional.empty();
        }
        ReaderStudySettings s = protocol.readerStudy().get();
        Optional<Map<String, Boolean>> truth =
                GroundTruthLabels.read(
                        protocol.dataset().groundTruth(),
                        protocol.operatingPoint().positiveClass());
        return Optional.of(
                check(
                        s,
                        ReadsFile.read(s.reads(), s.unaided(), s.aided()),
                        truth,
                        protocol.operatingPoint().direction()));
    }

    /**
     * Checks {@code file} against {@code truth} (case id to positive; empty when the ground truth
     * cannot be read, and then only the file itself is checked).
     */
    public static Result check(
            ReaderStudySettings s,
            ReadsFile file,
            Optional<Map<String, Boolean>> truth,
            Direction direction) {
        List<Problem> problems = new ArrayList<>(file.problems());
        String name = file.file().toString();
        if (truth.isEmpty() || (file.reads().isEmpty() && !problems.isEmpty())) {
            // No truth to check against, or a file whose rows could not be read at all.
            return new Result(problems);
        }
        Map<String, Long> unknown = new LinkedHashMap<>();
        Map<String, Integer> unknownReads = new LinkedHashMap<>();
        for (Read r : file.reads()) {
            if (!truth.get().containsKey(r.caseId())) {
                unknown.putIfAbsent(r.caseId(), r.line());
                unknownReads.merge(r.caseId(), 1, Integer::sum);
            }
        }
        unknown.forEach(
                (c, line) ->
                        problems.add(
                                new Problem(
                                        name + " line " + line + ", column 'case'",
                                        Quote.value(c)
                                                + " is not a case_id of the ground truth ("
                                                + unknownReads.get(c)
                                                + (unknownReads.get(c) == 1
                                                        ? " read)"
                                                        : " reads)"))));
        Set<String> readers = new LinkedHashSet<>();
        Map<String, Set<String>> byModality = new LinkedHashMap<>();
        byModality.put(s.unaided(), new TreeSet<>());
        byModality.put(s.aided(), new TreeSet<>());
        Set<String> positives = new TreeSet<>();
        Set<String> negatives = new TreeSet<>();
        for (Read r : file.reads()) {
            readers.add(r.reader());
            byModality.get(r.modality()).add(r.reader());
            Boolean p = truth.get().get(r.caseId());
            if (p != null) {
                (p ? positives : negatives).add(r.caseId());
            }
        }
        for (String reader : readers) {
            for (Map.Entry<String, Set<String>> m : byModality.entrySet()) {
                if (!m.getValue().contains(reader)) {
                    problems.add(
                            new Problem(
                                    name,
                                    "reader "
                                            + Quote.value(reader)
                                            + " has no reads in modality "
                                            + Quote.value(m.getKey())
                                            + ": every reader reads unaided and aided"));
                }
            }
        }
        if (readers.size() < MIN_READERS) {
            problems.add(
                    new Problem(
                            name,
                            readers.size()
                                    + (readers.size() == 1 ? " reader" : " readers")
                                    + ": an MRMC analysis needs at least "
                                    + MIN_READERS));
        }
        if (positives.size() < MIN_PER_CLASS || negatives.size() < MIN_PER_CLASS) {
            problems.add(
                    new Problem(
                            name,
                            "the reads cover "
                                    + positives.size()
                                    + " positive and "
                                    + negatives.size()
                                    + " negative cases of the ground truth: an MRMC analysis"
                                    + " needs at least "
                                    + MIN_PER_CLASS
                                    + " of each"));
        }
        if (!problems.isEmpty()) {
            return new Result(
                    problems,
                    Optional.empty(),
                    file.reads().size(),
                    readers.size(),
                    positives.size(),
                    negatives.size());
        }
        ReaderStudy study;
        try {
            study = ReaderStudies.of(file.reads(), truth.get(), s.unaided(), s.aided(), direction);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(name, e.getMessage()));
            return new Result(
                    problems,
                    Optional.empty(),
                    file.reads().size(),
                    readers.size(),
                    positives.size(),
                    negatives.size());
        }
        StudyDesign design = study.design();
        if (s.analysis() == ReaderStudySettings.Analysis.OBUCHOWSKI_ROCKETTE
                && design != StudyDesign.FULLY_CROSSED) {
            problems.add(new Problem(name, notCrossed(study, design)));
        }
        return new Result(
                problems,
                Optional.of(design),
                file.reads().size(),
                readers.size(),
                positives.size(),
                negatives.size());
    }

    private static String notCrossed(ReaderStudy study, StudyDesign design) {
        List<MissingReads> missing = study.missingReads();
        List<String> shown = new ArrayList<>();
        for (MissingReads m : missing.subList(0, Math.min(5, missing.size()))) {
            shown.add(
                    "reader "
                            + m.reader()
                            + " read "
                            + m.read()
                            + " of "
                            + (m.read() + m.missing())
                            + " cases "
                            + m.modality());
        }
        return "the reads are "
                + label(design)
                + " ("
                + String.join("; ", shown)
                + (missing.size() > shown.size() ? "; …" : "")
                + "), but analysis obuchowski_rockette needs them fully crossed (every reader"
                + " reads every case in both modalities); analysis: gallas takes split-plot and"
                + " incomplete designs";
    }

    /** Returns the design in words, e.g. {@code split-plot}. */
    public static String label(StudyDesign design) {
        return switch (design) {
            case FULLY_CROSSED -> "fully crossed";
            case SPLIT_PLOT -> "split-plot";
            case INCOMPLETE -> "incomplete";
        };
    }
}
