package org.clinval.workflows.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.AuditVerification;
import org.clinval.workflows.audit.TrailFiles;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The reuse ledger of locked test sets (the data "firewall" regulators ask about): every access to
 * a dataset — its lock by a study, each inference over it, an export, a comparison — with who, the
 * study, an opaque run reference, the model's name, version and SHA-256, and the purpose.
 *
 * <p>It lives outside every run folder, in a site-level folder ({@link #defaultLocation()}), as one
 * trail per dataset identity ({@link DatasetIdentity}): {@code <identity>.jsonl} with its signed
 * head {@code <identity>-head.json}. Each line is an entry of the audit trail's format,
 * hash-chained and signed with the site key by the same code ({@link AuditTrail}): the access is in
 * the entry's {@code user}, {@code action}, {@code object} (the run), {@code reason} (the purpose),
 * {@code object_sha256} (the dataset) and {@code details} (study, model, version, model SHA-256).
 * Because the file name is part of what each entry's signature covers, a line moved from one
 * dataset's ledger to another's does not verify.
 */
public final class DatasetLedger {

    /** The environment variable naming the ledger folder. */
    public static final String ENV = "CLINVAL_LEDGER";

    /** The purpose of the accesses of a validation study. */
    public static final String VALIDATION_STUDY = "validation study";

    /** The purpose of the accesses of a re-validation under a PCCP. */
    public static final String PCCP_REVALIDATION = "PCCP re-validation";

    private final Path dir;
    private final SiteKey key;
    private final Clock clock;

    private DatasetLedger(Path dir, SiteKey key, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.key = key;
        this.clock = clock;
    }

    /** Returns the ledger in folder {@code dir}, written with {@code key} at {@code clock}. */
    public static DatasetLedger in(Path dir, SiteKey key, Clock clock) {
        if (key == null) {
            throw new IllegalArgumentException("a dataset ledger is written with the site key");
        }
        return new DatasetLedger(dir, key, clock);
    }

    /**
     * Returns the default ledger folder: {@code $CLINVAL_LEDGER}, else {@code
     * $XDG_CONFIG_HOME/clinval/ledger}, else {@code ~/.config/clinval/ledger} (as the site
     * keystore's default).
     */
    public static Path defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultLocation(Map<String, String> env, String home) {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config =
                xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home).resolve(".config");
        return config.resolve("clinval").resolve("ledger");
    }

    /** Returns the ledger folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Records an access by a study step to the dataset locked in {@code runDir}, with the model of
     * {@code protocol}'s device and the purpose {@value #VALIDATION_STUDY}, and returns it.
     *
     * @throws IOException if the dataset's identity cannot be read from the run's locked manifest
     */
    public LedgerEntry recordStudy(
            LedgerAction action, StudyProtocol protocol, Path runDir, String user)
            throws IOException {
        return record(action, protocol, runDir, user, VALIDATION_STUDY);
    }

    /**
     * Records an access made after a study to the dataset locked in finished run folder {@code
     * runDir} — a comparison of its results with another run's, or an export of them — with the
     * model of the run's approved protocol, and returns it.
     *
     * @param purpose why, e.g. {@value #PCCP_REVALIDATION}
     * @throws IOException if the run's approved protocol or locked manifest cannot be read
     */
    public LedgerEntry recordRun(LedgerAction action, Path runDir, String user, String purpose)
            throws IOException {
        return record(action, RunProtocol.read(runDir), runDir, user, purpose);
    }

    private LedgerEntry record(
            LedgerAction action, StudyProtocol protocol, Path runDir, String user, String purpose)
            throws IOException {
        return record(
                DatasetIdentity.of(protocol, runDir),
                new LedgerEntry.Access(
                        action.key(),
                        user,
                        protocol.id(),
                        runReference(runDir),
                        protocol.device().name(),
                        protocol.device().version(),
                        protocol.device().sha256(),
                        purpose));
    }

    /**
     * Returns the opaque reference of run folder {@code runDir}: the SHA-256 of its {@code
     * registration.sha256}, which the run's audit trail records at registration.
     */
    public static String runReference(Path runDir) throws IOException {
        return Sha256.of(runDir.resolve(FileDatasetService.REGISTRATION));
    }

    /** Appends an access to dataset {@code dataset}'s ledger and returns the entry. */
    public LedgerEntry record(String dataset, LedgerEntry.Access a) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("study_id", a.studyId());
        details.put("model", a.model());
        details.put("model_version", a.modelVersion());
        details.put("model_sha256", a.modelSha256());
        AuditEntry e =
                AuditTrail.at(dir, files(dataset), key, clock)
                        .record(
                                a.user(),
                                a.action(),
                                a.run(),
                                a.purpose(),
                                Optional.of(dataset),
                                details);
        return entry(dataset, e);
    }

    /** Returns the file of dataset {@code dataset}'s ledger in folder {@code dir}. */
    public static Path file(Path dir, String dataset) {
        return dir.resolve(files(dataset).trail());
    }

    /** Returns the identities of the datasets with a ledger in {@code dir}, sorted. */
    public static List<String> datasets(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length()))
                    .filter(Sha256::isHex)
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * Returns the entries of dataset {@code dataset}'s ledger in {@code dir}, in order.
     *
     * @throws IllegalArgumentException if a line is not an entry; {@link #verify} first
     */
    public static List<LedgerEntry> entries(Path dir, String dataset) throws IOException {
        List<LedgerEntry> out = new ArrayList<>();
        for (AuditEntry e : AuditTrail.at(dir, files(dataset), null, Clock.systemUTC()).entries()) {
            out.add(entry(dataset, e));
        }
        return out;
    }

    /**
     * Checks dataset {@code dataset}'s ledger in {@code dir}: the chain, the head record and, with
     * {@code key}, every signature. The finding names the first line that was edited, deleted,
     * inserted or reordered ({@link AuditVerification.Finding#sequence} is its line).
     */
    public static AuditVerification verify(Path dir, String dataset, PublicSiteKey key)
            throws IOException {
        return AuditTrail.verify(dir, files(dataset), key, List.of());
    }

    private static TrailFiles files(String dataset) {
        if (!Sha256.isHex(dataset)) {
            throw new IllegalArgumentException(
                    "a dataset identity is 64 lower-case hexadecimal digits: '" + dataset + "'");
        }
        return TrailFiles.named(dataset);
    }

    private static LedgerEntry entry(String dataset, AuditEntry e) {
        Map<String, String> d = e.details();
        return new LedgerEntry(
                e.sequence(),
                e.time(),
                dataset,
                new LedgerEntry.Access(
                        e.action(),
                        e.user(),
                        d.getOrDefault("study_id", ""),
                        e.object(),
                        d.getOrDefault("model", ""),
                        d.getOrDefault("model_version", ""),
                        d.getOrDefault("model_sha256", ""),
                        e.reason()),
                e.sha256());
    }
}
