package org.clinval.workflows.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;

/**
 * Checks what witnesses the end of a trail against its chain: the checkpoints taken at signatures,
 * the anchors kept elsewhere (the run seal) and the head record, each (with a key) by its site-key
 * signature first. These are what show the deletion of the last entries, which the chain alone
 * cannot.
 */
final class HeadVerifier {

    private final Path dir;
    private final TrailFiles files;
    private final PublicSiteKey key;
    private final List<AuditTrail.Anchor> anchors;

    HeadVerifier(Path dir, TrailFiles files, PublicSiteKey key, List<AuditTrail.Anchor> anchors) {
        this.dir = dir;
        this.files = files;
        this.key = key;
        this.anchors = anchors;
    }

    /** Compares the checkpoints taken at signatures with the chain. */
    AuditVerification checkpoints(List<AuditLine.Parsed> parsed) throws IOException {
        Path file = dir.resolve(files.checkpoints());
        if (!Files.exists(file)) {
            return null;
        }
        long firstBad = Long.MAX_VALUE;
        String problem = null;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isBlank()) continue;
            String where = files.checkpoints() + " line " + (k + 1);
            HeadRecord r;
            try {
                r = HeadRecord.read(AuditLine.JSON.readTree(line));
            } catch (IOException | IllegalArgumentException e) {
                return AuditVerification.bad(
                        parsed.size(),
                        parsed.size() + 1,
                        where,
                        where + " is not a checkpoint: " + line);
            }
            AuditTrail.Head h = r.head();
            String by = r.by().isEmpty() ? "a checkpoint" : r.by();
            AuditVerification signed = signed(parsed.size(), h.entries(), where, r, false);
            if (signed != null) {
                return signed;
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

    /**
     * Checks the key id and signature of a head or checkpoint record; returns a finding or null.
     */
    private AuditVerification signed(
            long n, long sequence, String where, HeadRecord r, boolean isHead) {
        if (key == null) {
            return null;
        }
        if (!r.keyId().equals(key.keyId())) {
            return AuditVerification.bad(
                    n,
                    sequence,
                    where,
                    where
                            + " is signed with key "
                            + (r.keyId().isEmpty() ? "(none)" : r.keyId())
                            + ", not the site key "
                            + key.keyId());
        }
        boolean ok =
                isHead
                        ? r.verifiesAsHead(files.trail(), key)
                        : r.verifiesAsCheckpoint(files.trail(), key);
        if (!ok) {
            return AuditVerification.bad(
                    n,
                    sequence,
                    where,
                    where
                            + " does not match its site-key signature: it was rewritten without the"
                            + " site key");
        }
        return null;
    }

    /** Compares the anchors kept elsewhere (the run seal) with the chain. */
    AuditVerification anchors(List<AuditLine.Parsed> parsed) {
        int n = parsed.size();
        for (AuditTrail.Anchor a : anchors) {
            long m = a.head().entries();
            if (m > n) {
                return AuditVerification.bad(
                        n,
                        n + 1,
                        "entry "
                                + (n + 1)
                                + " was deleted: the trail ends at "
                                + n
                                + " but "
                                + a.by()
                                + " recorded "
                                + m
                                + " entries");
            }
            if (m > 0 && !parsed.get((int) m - 1).entry().sha256().equals(a.head().sha256())) {
                return AuditVerification.bad(
                        n,
                        m,
                        "entry "
                                + m
                                + " does not match the hash "
                                + a.by()
                                + " recorded for it: the trail was rewritten");
            }
            if (a.last() && n > m) {
                return AuditVerification.bad(
                        n,
                        m + 1,
                        "entry "
                                + (m + 1)
                                + " was added after "
                                + a.by()
                                + ", which recorded "
                                + m
                                + " entries");
            }
        }
        return null;
    }

    /** Compares the head record with the last line: the only witness of a removed last line. */
    AuditVerification head(List<AuditLine.Parsed> parsed) throws IOException {
        int n = parsed.size();
        Path file = dir.resolve(files.head());
        if (!Files.exists(file)) {
            return n == 0
                    ? AuditVerification.intact(0)
                    : AuditVerification.bad(
                            n,
                            n + 1,
                            files.head(),
                            "the head record "
                                    + files.head()
                                    + " is missing: removal of the last entries cannot be ruled out");
        }
        HeadRecord r;
        try {
            r = HeadRecord.read(AuditLine.JSON.readTree(file.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            return AuditVerification.bad(
                    n, n + 1, files.head(), "the head record " + files.head() + " is not readable");
        }
        AuditVerification signed = signed(n, n, files.head(), r, true);
        if (signed != null) {
            return signed;
        }
        AuditTrail.Head h = r.head();
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
