package org.clinval.workflows.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SecretFile;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.SignedPayload;

/**
 * The users who may sign, kept in one JSON file written with mode 600: {@code {"format":
 * "clinval-users/1", "users": [{"id", "name", "groups", "password"}], "admin_log": {"entries",
 * "sha256"}, "key_id", "signature"}}, each password as a {@link PasswordHash} text, never in clear.
 * The file is signed with the site key over its users and the administration-log entry of its last
 * change ({@link AdminLog}); it is only ever written through {@link UserAdministration}.
 *
 * <p>{@link #load} refuses a file that is not what the administrators wrote, naming what differs: a
 * user added, a group added, a name or password hash replaced, a user removed, another key, or a
 * file older than its log.
 */
public final class UserRegistry {

    /** The registry format. */
    public static final String FORMAT = "clinval-users/1";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, UserAccount> users;

    UserRegistry(Path file, Map<String, UserAccount> users) {
        this.file = file;
        this.users = new TreeMap<>(users);
    }

    /**
     * Loads the registry in {@code file} and checks it against its signature and administration
     * log; a missing file with an empty log is an empty registry.
     *
     * @throws InvalidRegistryException naming what is not as the administrators wrote it
     * @throws IOException if the file cannot be read
     */
    public static UserRegistry load(Path file, PublicSiteKey key) throws IOException {
        AuditTrail log = AuditTrail.log(AdminLog.dir(file), AdminLog.files(file), null, null);
        if (!Files.exists(file)) {
            RegistryCheck.missing(file, log, key);
            return new UserRegistry(file, Map.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRegistryException(file + ": not JSON: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new InvalidRegistryException(
                    file
                            + ": not a signed user registry (format is not "
                            + FORMAT
                            + "): it was not written by 'clinval user' with a site key");
        }
        UserRegistry r = new UserRegistry(file, parse(file, root.path("users")));
        RegistryCheck.check(r, root, log, key);
        return r;
    }

    /**
     * Returns a registry without users, e.g. for recording a refusal when a registry is refused.
     */
    public static UserRegistry empty(Path file) {
        return new UserRegistry(file, Map.of());
    }

    private static Map<String, UserAccount> parse(Path file, JsonNode list) throws IOException {
        if (!list.isArray()) {
            throw new InvalidRegistryException(file + ": has no \"users\" list");
        }
        Map<String, UserAccount> users = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode u = list.get(i);
            try {
                Set<String> groups = new HashSet<>();
                u.path("groups").forEach(g -> groups.add(g.asText()));
                UserAccount a =
                        new UserAccount(
                                text(u, "id"),
                                text(u, "name"),
                                groups,
                                PasswordHash.decode(text(u, "password")));
                if (users.put(a.id(), a) != null) {
                    throw new IllegalArgumentException("user " + a.id() + " appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidRegistryException(file + ": users[" + i + "]: " + e.getMessage());
            }
        }
        return users;
    }

    private static String text(JsonNode n, String key) {
        if (!n.path(key).isTextual() || n.get(key).asText().isBlank()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return n.get(key).asText();
    }

    /** Returns the registry file. */
    public Path file() {
        return file;
    }

    /** Returns the user with {@code id}. */
    public Optional<UserAccount> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    /** Returns every user, by id. */
    public List<UserAccount> users() {
        return List.copyOf(users.values());
    }

    /** Returns the registry with {@code a} added or replaced (not saved). */
    UserRegistry with(UserAccount a) {
        Map<String, UserAccount> m = new TreeMap<>(users);
        m.put(a.id(), a);
        return new UserRegistry(file, m);
    }

    /** The users as signed: a compact JSON array in id order. */
    String usersJson() {
        ArrayNode list = JSON.createArrayNode();
        for (UserAccount a : users.values()) {
            ObjectNode u = list.addObject();
            u.put("id", a.id());
            u.put("name", a.printedName());
            ArrayNode g = u.putArray("groups");
            a.sortedGroups().forEach(g::add);
            u.put("password", a.password().encode());
        }
        return list.toString();
    }

    static String payload(String usersJson, AuditTrail.Head log, String keyId) {
        return SignedPayload.of(FORMAT, usersJson, log.entries(), log.sha256(), keyId);
    }

    /**
     * Writes the registry with mode 600, signed together with {@code log}, the administration-log
     * entry of the change it holds last (refusals logged after it do not make it stale).
     */
    void save(SiteKey key, AuditTrail.Head log) throws IOException {
        String usersJson = usersJson();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("users", JSON.readTree(usersJson));
        ObjectNode l = root.putObject("admin_log");
        l.put("entries", log.entries());
        l.put("sha256", log.sha256());
        root.put("key_id", key.keyId());
        root.put("signature", key.sign(payload(usersJson, log, key.keyId())));
        SecretFile.write(
                file,
                (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8),
                false);
    }
}
