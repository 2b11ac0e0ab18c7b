package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Checklist for Artificial Intelligence in Medical Imaging, 2024 update (CLAIM 2024; Tejani AS,
 * Klontzas ME, Gatti AA, et al. Radiol Artif Intell 2024;6(4):e240300), pre-filled from one study
 * run for the manuscript or submission that reports it: its 44 items under their sections, each
 * "answered" — with the section of the 510(k) performance section or model card of the same run
 * that answers it and the run's values with their computation references — or "manufacturer to
 * complete", with what remains to write. A summary table first counts both by section. What an item
 * gets is decided in {@link ClaimAnswers} from the records alone.
 */
public final class ClaimChecklist {

    /** The file name in the run's documents folder. */
    public static final String FILE = "claim-checklist.docx";

    private ClaimChecklist() {}

    /** The checklist's content, with its computation records cited in {@code traces}. */
    public static Doc build(RunEvidence run, Traces traces) {
        JsonNode m = run.metrics();
        JsonNode device = run.protocol().path("device");
        ClaimAnswers answers = new ClaimAnswers(run, traces);
        // Answered in item order, so that the references are numbered in reading order.
        Map<Integer, ClaimAnswers.Answer> byItem = new LinkedHashMap<>();
        for (ClaimItems.Item item : ClaimItems.ALL)
            byItem.put(item.number(), answers.of(item.number()));

        Doc doc =
                new Doc(
                        "CLAIM 2024 checklist",
                        device.path("name").asText(m.at("/provenance/device").asText(""))
                                + " — Checklist for Artificial Intelligence in Medical Imaging,"
                                + " 2024 update (Tejani AS, Klontzas ME, Gatti AA, et al. Radiol"
                                + " Artif Intell 2024;6(4):e240300), pre-filled from validation"
                                + " study "
                                + run.studyId()
                                + run.sealed().map(s -> " (run sealed " + s + ")").orElse("")
                                + ". Every number refers to its computation record (appendix).");

        Map<String, List<ClaimItems.Item>> groups = new LinkedHashMap<>();
        for (ClaimItems.Item item : ClaimItems.ALL) {
            groups.computeIfAbsent(key(item), k -> new ArrayList<>()).add(item);
        }

        doc.h1("Summary");
        doc.p(
                "Each item of the checklist is either answered by the study's records — the row"
                        + " names the section of the 510(k) performance section ("
                        + PerformanceSection510k.FILE
                        + ") or the model card ("
                        + ModelCard.FILE
                        + ") written from the same run that answers it, with the run's values — or"
                        + " left for the manufacturer to complete, with what the records hold"
                        + " toward it. Item texts are short paraphrases: the published checklist"
                        + " is the authority on what each item asks. {Table:summary} counts both"
                        + " by section.");
        List<List<String>> summary = new ArrayList<>();
        int answered = 0;
        for (List<ClaimItems.Item> g : groups.values()) {
            int yes = (int) g.stream().filter(i -> byItem.get(i.number()).answered()).count();
            answered += yes;
            summary.add(
                    List.of(
                            label(g.get(0)),
                            range(g),
                            "{Table:" + tableId(g) + "}",
                            String.valueOf(yes),
                            String.valueOf(g.size() - yes)));
        }
        summary.add(
                List.of(
                        "All sections",
                        range(ClaimItems.ALL),
                        "",
                        String.valueOf(answered),
                        String.valueOf(ClaimItems.ALL.size() - answered)));
        doc.table(
                "summary",
                "CLAIM 2024 items answered by study " + run.studyId() + " and left to complete",
                List.of("Section", "Items", "Table", "Answered", "Manufacturer to complete"),
                summary);

        String section = "";
        for (List<ClaimItems.Item> g : groups.values()) {
            ClaimItems.Item first = g.get(0);
            if (!first.section().equals(section)) {
                section = first.section();
                doc.h1(section);
            }
            if (!first.topic().isEmpty()) doc.h2(first.topic());
            List<List<String>> rows = new ArrayList<>();
            List<String> open = new ArrayList<>();
            for (ClaimItems.Item item : g) {
                ClaimAnswers.Answer a = byItem.get(item.number());
                rows.add(List.of(String.valueOf(item.number()), item.text(), a.status(), a.text()));
                if (!a.answered()) open.add(String.valueOf(item.number()));
            }
            doc.table(
                    tableId(g),
                    "CLAIM 2024 "
                            + (g.size() == 1 ? "item " : "items ")
                            + range(g)
                            + ": "
                            + label(first),
                    List.of("No.", "Item", "Status", "Where answered / what to complete"),
                    rows);
            if (!open.isEmpty()) {
                doc.toComplete(
                        (open.size() == 1 ? "item " : "items ")
                                + String.join(", ", open)
                                + " of the table above, as its last column says.");
            }
        }

        doc.h1("Appendix: computation records");
        doc.p("{Table:records} lists the record behind each [Rn], {Table:hashes} their SHA-256.");
        return doc;
    }

    private static String key(ClaimItems.Item item) {
        return item.section() + "|" + item.topic();
    }

    private static String label(ClaimItems.Item item) {
        return item.topic().isEmpty()
                ? item.section()
                : item.section() + ": " + item.topic().toLowerCase(java.util.Locale.ROOT);
    }

    private static String range(List<ClaimItems.Item> items) {
        int a = items.get(0).number();
        int b = items.get(items.size() - 1).number();
        return a == b ? String.valueOf(a) : a + "–" + b;
    }

    private static String tableId(List<ClaimItems.Item> items) {
        return "items-" + range(items).replace('–', '-');
    }
}
