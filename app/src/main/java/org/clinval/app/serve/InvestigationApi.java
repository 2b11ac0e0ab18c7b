package org.clinval.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.clinval.app.cli.Json;
import org.clinval.app.pms.PmsHooks;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.investigation.Decision;
import org.clinval.workflows.investigation.Investigation;
import org.clinval.workflows.investigation.InvestigationTask;
import org.clinval.workflows.investigation.PostMarketInvestigation;
import org.clinval.workflows.investigation.PostMarketInvestigations;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;

/**
 * The investigation tasks of a surveillance folder in the browser: what waits, what a signature
 * would be on (file and SHA-256, shown before signing), and the signature itself, by the same
 * {@link PostMarketInvestigations} the {@code clinval pms investigation} commands use, so the
 * refusals (group, meaning, duties, password) and the audit trail are the same.
 *
 * <p>A folder's process engine is opened at the first request and kept open while requests come
 * (starting it takes seconds), then closed after {@link #KEEP_OPEN} without one, so the command
 * line can use the folder again; requests on one folder take turns. A signature names the SHA-256
 * the signer was shown; if the record would now differ (another signer completed an earlier step),
 * the signature is refused and the signer looks again. Of simultaneous attempts on one task, the
 * first completes it and the others find no such task waiting.
 */
final class InvestigationApi implements AutoCloseable {

    /** How long a folder's engine stays open after its last request. */
    static final java.time.Duration KEEP_OPEN = java.time.Duration.ofMinutes(2);

    /** A folder's open investigations and when they were last used. */
    private static final class Open {
        PostMarketInvestigations inv;
        long lastUsed;
    }

    private final Map<Path, Open> open = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService closer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "clinval-serve-investigations");
                        t.setDaemon(true);
                        return t;
                    });

    private final Workspace workspace;
    private final Path users;
    private final Optional<SiteKey> key;

    InvestigationApi(Workspace workspace, Path users, Optional<SiteKey> key) {
        this.workspace = workspace;
        this.users = users;
        this.key = key;
        closer.scheduleWithFixedDelay(
                this::closeIdle, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (Open o : open.values()) {
            synchronized (o) {
                if (o.inv != null && now - o.lastUsed > KEEP_OPEN.toNanos()) {
                    o.inv.close();
                    o.inv = null;
                }
            }
        }
    }

    @Override
    public void close() {
        closer.shutdownNow();
        for (Open o : open.values()) {
            synchronized (o) {
                if (o.inv != null) {
                    o.inv.close();
                    o.inv = null;
                }
            }
        }
    }

    boolean signing() {
        return key.isPresent();
    }

    /** The tasks waiting in folder {@code id}, each saying whether {@code user} may sign it. */
    ObjectNode tasks(String id, Sessions.Session s) throws IOException {
        ObjectNode o = Json.object();
        o.put("signing", signing());
        ObjectNode choices = o.putObject("choices");
        ArrayNode pr = choices.putArray(PostMarketInvestigation.PRIORITY);
        PostMarketInvestigation.PRIORITIES.forEach(pr::add);
        ArrayNode dec = choices.putArray(PostMarketInvestigation.VAR_DECISION);
        for (Decision d : Decision.values()) dec.add(d.key());
        ArrayNode out = o.putArray("tasks");
        if (!signing()) {
            o.put(
                    "why",
                    "the server was started without the site key's passphrase"
                            + " (--key-passphrase-file): it shows, it does not sign");
            return o;
        }
        with(
                id,
                inv -> {
                    for (InvestigationTask t : inv.tasks()) {
                        ObjectNode n = out.addObject();
                        n.put("id", t.id());
                        n.put("key", t.key());
                        n.put("name", t.name());
                        n.put("investigation_id", t.investigationId());
                        n.put("group", t.candidateGroup());
                        n.put("created", t.created().toString());
                        n.put("mine", s.groups.contains(t.candidateGroup()));
                        ArrayNode f = n.putArray("fields");
                        t.fields().forEach(f::add);
                        ArrayNode m = n.putArray("meanings");
                        t.meanings().stream().map(Meaning::key).sorted().forEach(m::add);
                        n.put("signs", t.signs());
                    }
                    return null;
                });
        return o;
    }

    /** The file and SHA-256 a signature with {@code values} would be on. */
    ObjectNode preview(String id, String taskId, JsonNode body) throws IOException {
        requireSigning();
        Map<String, String> values = values(body);
        return with(
                id,
                inv -> {
                    PostMarketInvestigations.SignedRecord r = inv.preview(taskId, values);
                    ObjectNode o = Json.object();
                    o.put("file", "investigations/" + r.file());
                    o.put("sha256", r.sha256());
                    return o;
                });
    }

    /** Signs and completes the task as the session's user, with the password given again. */
    ObjectNode sign(String id, String taskId, JsonNode body, Sessions.Session s)
            throws IOException {
        requireSigning();
        Map<String, String> values = values(body);
        String shown = body.path("sha256").asText("");
        char[] password = body.path("password").asText("").toCharArray();
        Meaning meaning;
        try {
            meaning = Meaning.parse(body.path("meaning").asText(""));
        } catch (IllegalArgumentException e) {
            throw new WebServer.ApiError(400, e.getMessage());
        }
        if (password.length == 0) {
            throw new WebServer.ApiError(400, "a signature needs the signer's password");
        }
        return with(
                id,
                inv -> {
                    PostMarketInvestigations.SignedRecord now = inv.preview(taskId, values);
                    if (!now.sha256().equals(shown)) {
                        throw new WebServer.ApiError(
                                409,
                                "the record to sign is not the one you were shown (SHA-256 "
                                        + now.sha256()
                                        + "): look at it again");
                    }
                    Investigation i;
                    try {
                        i = inv.complete(taskId, s.userId, password, meaning, values);
                    } catch (SignatureRefusedException e) {
                        throw new WebServer.ApiError(403, e.getMessage());
                    }
                    s.passwordConfirmed = java.time.Instant.now();
                    ObjectNode o = Json.object();
                    o.put("signed", now.file());
                    o.put("sha256", now.sha256());
                    o.put("investigation_id", i.investigationId());
                    o.put("state", i.state());
                    return o;
                });
    }

    private void requireSigning() {
        if (!signing()) {
            throw new WebServer.ApiError(
                    409,
                    "the server was started without the site key's passphrase"
                            + " (--key-passphrase-file): it cannot sign");
        }
    }

    private static Map<String, String> values(JsonNode body) {
        JsonNode v = body.path("values");
        if (!v.isObject()) throw new WebServer.ApiError(400, "give the task's values as an object");
        Map<String, String> out = new TreeMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Work on the open investigations of one folder. */
    private interface Work<T> {
        T apply(PostMarketInvestigations inv) throws IOException;
    }

    private <T> T with(String id, Work<T> work) throws IOException {
        Path dir =
                workspace
                        .surveillance(id)
                        .orElseThrow(
                                () -> new WebServer.ApiError(404, "no such surveillance folder"))
                        .dir();
        Open o = open.computeIfAbsent(dir, d -> new Open());
        synchronized (o) {
            if (o.inv == null) {
                try {
                    o.inv =
                            PostMarketInvestigations.in(
                                    dir, users, key.get(), PmsHooks.revalidation(dir));
                } catch (IllegalStateException e) {
                    throw new WebServer.ApiError(
                            409,
                            "the investigations are open in another program; try again when it"
                                    + " has finished");
                }
            }
            o.lastUsed = System.nanoTime();
            try {
                return work.apply(o.inv);
            } catch (IllegalArgumentException e) {
                // No such task (completed meanwhile), or a value missing or unknown.
                throw new WebServer.ApiError(
                        409, e.getMessage().replace(dir.toString(), "the folder"));
            }
        }
    }
}
