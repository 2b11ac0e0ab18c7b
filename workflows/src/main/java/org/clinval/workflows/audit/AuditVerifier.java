package org.clinval.workflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.common.Sha256;

/**
 * Walks a trail line by line and reports the first position where it differs from what was written.
 * Line {@code p} must hold entry {@code p}, hash to its stated hash, and name the hash of line
 * {@code p − 1}. How each kind of change shows:
 *
 * <ul>
 *   <li><b>edit</b> of line {@code p}: its bytes no longer hash to its stated hash; if the editor
 *       also recomputed that hash, entry {@code p + 1} still names the old one;
 *   <li><b>deletion</b> of line {@code p}: line {@code p} holds entry {@code p + 1} and entry
 *       {@code p} appears nowhere; deleting the last line leaves the chain intact, but the head
 *       record (and any checkpoint) names one entry more;
 *   <li><b>insertion</b> before line {@code p}: the inserted line fails its own hash, or carries a
 *       sequence already used, or is skipped by the next entry's previous-hash;
 *   <li><b>reordering</b>: line {@code p} holds an entry whose own sequence appears later.
 * </ul>
 */
final class AuditVerifier {

    private final Path dir;

    AuditVerifier(Path dir) {
        this.dir = dir;
    }

    AuditVerification verify() throws IOException {
        Path file = dir.resolve(AuditTrail.FILE);
        List<String> lines =
                Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        int n = lines.size();
        List<AuditLine.Parsed> parsed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                parsed.add(AuditLine.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                return AuditVerification.bad(
                        n,
                        i + 1,
                        "line "
                                + (i + 1)
                                + " is not an audit entry ("
                                + e.getMessage()
                                + "): it was edited or inserted");
            }
        }
        for (int i = 0; i < n; i++) {
            AuditVerification v = line(lines, parsed, i);
            if (v != null) {
                return v;
            }
        }
        AuditVerification v = checkpoints(parsed);
        return v != null ? v : head(parsed);
    }

    /** Checks line {@code i} (0-based); returns a finding or null. */
    private AuditVerification line(List<String> lines, List<AuditLine.Parsed> parsed, int i) {
        int n = parsed.size();
        long p = i + 1;
        AuditEntry e = parsed.get(i).entry();
        if (!parsed.get(i).hashOk()) {
            return AuditVerification.bad(
                    n, p, "entry " + p + " was edited: its content does not match its hash");
        }
        String previous = i == 0 ? Sha256.ZERO : parsed.get(i - 1).entry().sha256();
        if (e.sequence() > p) {
            for (int q = i + 1; q < n; q++) {
                if (parsed.get(q).entry().sequence() == p) {
                    return AuditVerification.bad(
                            n,
                            p,
                            "entries were reordered: line "
                                    + p
                                    + " holds entry "
                                    + e.sequence()
                                    + " and entry "
                                    + p
                                    + " is on line "
                                    + (q + 1));
                }
            }
            return AuditVerification.bad(
                    n,
                    p,
                    "entry " + p + " was deleted: line " + p + " holds entry " + e.sequence());
        }
        if (e.sequence() < p) {
            String beforePrevious = i < 2 ? Sha256.ZERO : parsed.get(i - 2).entry().sha256();
            if (i >= 1 && e.previousSha256().equals(beforePrevious)) {
                return inserted(n, p - 1);
            }
            if (i >= 1 && lines.get(i).equals(lines.get((int) e.sequence() - 1))) {
                return AuditVerification.bad(
                        n, p, "a copy of entry " + e.sequence() + " was inserted at line " + p);
            }
            return AuditVerification.bad(
                    n,
                    p,
                    "line "
                            + p
                            + " holds entry "
                            + e.sequence()
                            + " again: an entry was inserted or moved");
        }
        if (!e.previousSha256().equals(previous)) {
            if (i >= 2 && e.previousSha256().equals(parsed.get(i - 2).entry().sha256())) {
                return inserted(n, p - 1);
            }
            if (i >= 1) {
                return AuditVerification.bad(
                        n,
                        p - 1,
                        "entry "
                                + (p - 1)
                                + " was changed after it was chained: entry "
                                + p
                                + " holds a different hash for it");
            }
            return AuditVerification.bad(
                    n, p, "entry 1 does not start the chain: an entry was inserted before it");
        }
        return null;
    }

    private static AuditVerification inserted(int n, long line) {
        return AuditVerification.bad(
                n,
                line,
                "line "
                        + line
                        + " was inserted: the entry after it is chained to the entry before it");
    }

    /** Compares the checkpoints taken at signatures with the chain. */
    private AuditVerification checkpoints(List<AuditLine.Parsed> parsed) throws IOException {
        Path file = dir.resolve(AuditTrail.CHECKPOINTS);
        if (!Files.exists(file)) {
            return null;
        }
        long firstBad = Long.MAX_VALUE;
        String problem = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            AuditTrail.Head h;
            String by;
            try {
                JsonNode node = AuditLine.JSON.readTree(line);
                h = AuditTrail.head(node);
                by = node.path("by").asText("a checkpoint");
            } catch (IOException | IllegalArgumentException e) {
                return AuditVerification.bad(
                        parsed.size(),
                        parsed.size() + 1,
                        AuditTrail.CHECKPOINTS + " holds a line that is not a checkpoint: " + line);
            }
            if (h.entries() == 0) continue;
            if (h.entries() > parsed.size()) {
                if (parsed.size() + 1 < firstBad) {
                    firstBad = parsed.size() + 1;
                    problem =
                            "entry "
                                    + (parsed.size() + 1)
                                    + " was deleted: the trail ends at "
                                    + parsed.size()
                                    + " but "
                                    + by
                                    + " recorded "
                                    + h.entries()
                                    + " entries";
                }
            } else if (!parsed.get((int) h.entries() - 1).entry().sha256().equals(h.sha256())) {
                if (h.entries() < firstBad) {
                    firstBad = h.entries();
                    problem =
                            "entry "
                                    + h.entries()
                                    + " does not match the hash "
                                    + by
                                    + " recorded for it: the trail was rewritten";
                }
            }
        }
        return problem == null ? null : AuditVerification.bad(parsed.size(), firstBad, problem);
    }

    /** Compares the head record with the last line: the only witness of a removed last line. */
    private AuditVerification head(List<AuditLine.Parsed> parsed) throws IOException {
        int n = parsed.size();
        Path file = dir.resolve(AuditTrail.HEAD);
        if (!Files.exists(file)) {
            return n == 0
                    ? AuditVerification.intact(0)
                    : AuditVerification.bad(
                            n,
                            n + 1,
                            "the head record "
                                    + AuditTrail.HEAD
                                    + " is missing: removal of the last entries cannot be ruled out");
        }
        AuditTrail.Head h;
        try {
            h = AuditTrail.head(AuditLine.JSON.readTree(file.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            return AuditVerification.bad(
                    n, n + 1, "the head record " + AuditTrail.HEAD + " is not readable");
        }
        if (h.entries() > n) {
            return AuditVerification.bad(
                    n,
                    n + 1,
                    "entry "
                            + (n + 1)
                            + " was deleted: the trail ends at "
                            + n
                            + " but the head record says "
                            + h.entries()
                            + " entries");
        }
        if (h.entries() < n) {
            return AuditVerification.bad(
                    n,
                    h.entries() + 1,
                    "entry "
                            + (h.entries() + 1)
                            + " was added after the head record was written: it was inserted at the end");
        }
        String last = n == 0 ? Sha256.ZERO : parsed.get(n - 1).entry().sha256();
        if (!last.equals(h.sha256())) {
            return AuditVerification.bad(
                    n,
                    n,
                    "entry " + n + " does not match the head record: the trail was rewritten");
        }
        return AuditVerification.intact(n);
    }
}
