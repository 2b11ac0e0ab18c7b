package org.clinval.workflows.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.AuditVerification;
import org.clinval.workflows.audit.TrailFiles;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.records.RunVerification.Finding;
import org.clinval.workflows.records.RunVerification.Kind;

/**
 * Verifies a run folder with the site's public key, in this order, and stops at the first thing
 * that differs:
 *
 * <ol>
 *   <li>the key: the run must be signed with the key given (a run of another site names both ids);
 *   <li>the seal's own signature, when the run is sealed;
 *   <li>the audit trail: its chain, every entry's, the head's and every checkpoint's signature, and
 *       the head the seal recorded;
 *   <li>every electronic-signature record ({@link SignatureCheck});
 *   <li>every file the trail, {@code reports.sha256} and the lock recorded ({@link RecordedFiles});
 *   <li>every file of the folder against the sealed manifest (changed, deleted and added files); a
 *       study whose trail records its end must be sealed.
 * </ol>
 *
 * A key stored in the run folder is never used: the caller gives the key.
 */
public final class RunVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final PublicSiteKey key;

    private RunVerifier(Path dir, PublicSiteKey key) {
        this.dir = dir.toAbsolutePath().normalize();
        this.key = key;
    }

    /** Verifies the run folder {@code runDir} with the site's public key {@code key}. */
    public static RunVerification verify(Path runDir, PublicSiteKey key) throws IOException {
        return new RunVerifier(runDir, key).verify();
    }

    private RunVerification verify() throws IOException {
        Path trail = dir.resolve(AuditTrail.FILE);
        List<String> lines =
                Files.exists(trail) ? Files.readAllLines(trail, StandardCharsets.UTF_8) : List.of();
        String signedWith = lines.isEmpty() ? null : keyIdOf(lines.get(0));
        if (signedWith != null && !signedWith.equals(key.keyId())) {
            return bad(
                    lines.size(),
                    false,
                    new Finding(
                            Kind.KEY,
                            "key_id",
                            "the run is signed with key "
                                    + signedWith
                                    + ", but the public key given is "
                                    + key.keyId()
                                    + ": verify it with the public key of the site that ran the study"));
        }
        Optional<RunSeal.Seal> seal;
        try {
            seal = RunSeal.read(dir);
        } catch (IllegalArgumentException e) {
            return bad(
                    lines.size(),
                    true,
                    seal(RunSeal.FILE, RunSeal.FILE + " is not a seal record: " + e.getMessage()));
        }
        boolean sealed = seal.isPresent();
        if (sealed) {
            Optional<Finding> f = sealSignature(seal.get());
            if (f.isPresent()) return bad(lines.size(), true, f.get());
        }
        List<AuditTrail.Anchor> anchors = new ArrayList<>();
        seal.ifPresent(s -> anchors.add(new AuditTrail.Anchor("the run seal", s.audit(), true)));
        AuditVerification v = AuditTrail.verify(dir, TrailFiles.RUN, key, anchors);
        if (!v.ok()) {
            AuditVerification.Finding f = v.firstBad().orElseThrow();
            return bad(v.entries(), sealed, new Finding(Kind.ENTRY, f.what(), f.problem()));
        }
        List<AuditEntry> entries = AuditTrail.in(dir).entries();
        SignatureCheck signatures = new SignatureCheck(dir, entries, key);
        Optional<Finding> f = signatures.check();
        RecordedFiles files = new RecordedFiles(dir, entries);
        if (f.isEmpty()) f = files.check();
        if (f.isEmpty()) f = sealed ? sealedFiles(seal.get()) : unsealed(entries);
        return new RunVerification(
                f.isEmpty(),
                entries.size(),
                key.keyId(),
                sealed,
                signatures.checked(),
                files.files(),
                files.inputs(),
                files.notes(),
                f);
    }

    private Optional<Finding> sealSignature(RunSeal.Seal s) {
        if (!s.keyId().equals(key.keyId())) {
            return Optional.of(
                    seal(
                            RunSeal.FILE,
                            RunSeal.FILE
                                    + " is signed with key "
                                    + s.keyId()
                                    + ", not the site key "
                                    + key.keyId()));
        }
        if (!s.verifies(key)) {
            return Optional.of(
                    seal(
                            RunSeal.FILE,
                            RunSeal.FILE
                                    + " does not match its site-key signature: it was rewritten"
                                    + " without the site key"));
        }
        return Optional.empty();
    }

    private Optional<Finding> sealedFiles(RunSeal.Seal s) throws IOException {
        Path manifest = dir.resolve(RunSeal.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.of(
                    seal(
                            RunSeal.MANIFEST,
                            RunSeal.MANIFEST + " is missing: the sealed files cannot be checked"));
        }
        if (!Sha256.of(manifest).equals(s.manifestSha256())) {
            return Optional.of(
                    seal(
                            RunSeal.MANIFEST,
                            RunSeal.MANIFEST
                                    + " is not the manifest the seal signed: it was edited"));
        }
        Map<String, String> diff =
                ChecksumManifest.read(manifest).differences(RunSeal.contents(dir));
        for (Map.Entry<String, String> d : diff.entrySet()) {
            String how =
                    switch (d.getValue()) {
                        case "added" -> " was added after the seal";
                        case "removed" -> " was deleted after the seal";
                        default -> " changed after the seal";
                    };
            return Optional.of(seal(d.getKey(), d.getKey() + how + " (" + RunSeal.MANIFEST + ")"));
        }
        return Optional.empty();
    }

    /** A run whose trail records the end of the study must carry its seal. */
    private static Optional<Finding> unsealed(List<AuditEntry> entries) {
        for (AuditEntry e : entries) {
            if (e.action().startsWith("study ended")) {
                return Optional.of(
                        seal(
                                RunSeal.FILE,
                                RunSeal.FILE
                                        + " is missing, though the study ended at audit entry "
                                        + e.sequence()
                                        + ": the seal was deleted"));
            }
        }
        return Optional.empty();
    }

    private static Finding seal(String what, String problem) {
        return new Finding(Kind.SEAL, what, problem);
    }

    private RunVerification bad(long entries, boolean sealed, Finding f) {
        return new RunVerification(
                false, entries, key.keyId(), sealed, 0, 0, 0, List.of(), Optional.of(f));
    }

    private static String keyIdOf(String line) {
        try {
            String id = JSON.readTree(line).path("key_id").asText("");
            return id.isEmpty() ? null : id;
        } catch (IOException e) {
            return null; // not JSON: the trail check names it
        }
    }
}
