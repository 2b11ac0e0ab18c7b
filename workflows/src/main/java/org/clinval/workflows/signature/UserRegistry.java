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
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.clinval.workflows.audit.AuditTrail;

/**
 * The users who may sign, kept in one JSON file: {@code {"users": [{"id", "name", "groups",
 * "password"}]}} with each password as a {@link PasswordHash} text, never in clear.
 */
public final class UserRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, UserAccount> users;

    private UserRegistry(Path file, Map<String, UserAccount> users) {
        this.file = file;
        this.users = users;
    }

    /**
     * Loads the registry in {@code file}; a missing file is an empty registry.
     *
     * @throws IOException if the file cannot be read or a user entry is malformed, naming it
     */
    public static UserRegistry load(Path file) throws IOException {
        Map<String, UserAccount> users = new TreeMap<>();
        if (Files.exists(file)) {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode list = root.path("users");
            if (!list.isArray()) {
                throw new IOException(file + ": has no \"users\" list");
            }
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
                    users.put(a.id(), a);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": users[" + i + "]: " + e.getMessage(), e);
                }
            }
        }
        return new UserRegistry(file, users);
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

    /**
     * Adds or replaces a user and saves the registry.
     *
     * @throws IllegalArgumentException if the id is not lower-case letters, digits, '.', '_', '-',
     *     is the reserved {@code system}, the name is blank or the password too short
     */
    public UserAccount put(String id, String printedName, Set<String> groups, char[] password)
            throws IOException {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "user id is not lower-case letters, digits, '.', '_', '-': " + id);
        }
        if (id.equals(AuditTrail.SYSTEM)) {
            throw new IllegalArgumentException("user id is reserved for automatic steps: " + id);
        }
        if (printedName == null || printedName.isBlank()) {
            throw new IllegalArgumentException("printed name is empty for user " + id);
        }
        UserAccount a =
                new UserAccount(id, printedName.trim(), groups, PasswordHash.create(password));
        users.put(id, a);
        save();
        return a;
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("users");
        for (UserAccount a : users.values()) {
            ObjectNode u = list.addObject();
            u.put("id", a.id());
            u.put("name", a.printedName());
            ArrayNode g = u.putArray("groups");
            a.groups().stream().sorted().forEach(g::add);
            u.put("password", a.password().encode());
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
