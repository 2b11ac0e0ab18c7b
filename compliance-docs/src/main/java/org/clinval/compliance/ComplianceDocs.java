package org.clinval.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Writes the documents of a finished study run. */
public final class ComplianceDocs {

    /** The document kinds. */
    public enum Kind {
        FDA_510K("510k"),
        MODEL_CARD("model-card"),
        MDR_CER("mdr-cer"),
        CLAIM("claim");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The kind named {@code key} (as on the command line). */
        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key.toLowerCase(Locale.ROOT))) return k;
            }
            throw new IllegalArgumentException(
                    "no document kind "
                            + key
                            + " (the kinds of a run: 510k, model-card, mdr-cer, claim)");
        }
    }

    private ComplianceDocs() {}

    /**
     * Writes document {@code kind} of run folder {@code run} into folder {@code out} (the run's
     * {@code docs/} by default) and returns the file.
     */
    public static Path write(Path run, Kind kind, Path out) throws IOException {
        return write(run, kind, out, java.util.Optional.empty());
    }

    /**
     * As {@link #write(Path, Kind, Path)}, saying in the 510(k) section how often the test set was
     * used when {@code reuse} is known (from the verified dataset ledger).
     */
    public static Path write(Path run, Kind kind, Path out, Optional<TestSetUse> reuse)
            throws IOException {
        RunEvidence evidence = RunEvidence.read(run);
        Traces traces = new Traces(evidence);
        Doc doc =
                switch (kind) {
                    case FDA_510K -> PerformanceSection510k.build(evidence, traces, reuse);
                    case MODEL_CARD -> ModelCard.build(evidence, traces);
                    case MDR_CER -> MdrClinicalEvaluation.build(evidence, traces);
                    case CLAIM -> ClaimChecklist.build(evidence, traces);
                };
        Sections.appendix(doc, evidence, traces);
        Path file =
                out.resolve(
                        switch (kind) {
                            case FDA_510K -> PerformanceSection510k.FILE;
                            case MODEL_CARD -> ModelCard.FILE;
                            case MDR_CER -> MdrClinicalEvaluation.FILE;
                            case CLAIM -> ClaimChecklist.FILE;
                        });
        Optional<Instant> created = evidence.sealed().map(Instant::parse);
        return render(doc, file, created);
    }

    /**
     * Writes {@code doc} as Word document {@code docx} and, beside it, its PDF/A-1b rendition
     * ({@link #pdfOf}); returns {@code docx}.
     */
    static Path render(Doc doc, Path docx, Optional<Instant> created) throws IOException {
        DocxWriter.write(doc, docx, created);
        PdfWriter.write(doc, pdfOf(docx), created);
        return docx;
    }

    /** The PDF/A rendition written beside Word document {@code docx}: same name, {@code .pdf}. */
    public static Path pdfOf(Path docx) {
        String name = docx.getFileName().toString();
        return docx.resolveSibling(name.replaceFirst("\\.docx$", "") + ".pdf");
    }
}
