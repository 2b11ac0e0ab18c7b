package org.clinval.workflows.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Quote;
import org.clinval.common.yaml.YamlValue;

/**
 * The paths a protocol names, kept inside the study: a path is used only when its real location
 * (after {@code ..} and every symbolic link are resolved) lies in the protocol's folder or under a
 * folder of {@code allowed_roots}. A path that leaves them is refused by name, without being
 * opened: a protocol must not be a way to hash {@code /etc} or print the first line of {@code
 * /etc/passwd} in an incident.
 */
final class StudyPaths {

    /** As the file system, which gives up after 40 links in one path. */
    private static final int MAX_LINKS = 40;

    private final Path base;
    private final Path realBase;
    private final boolean checkFiles;
    private final List<Path> roots = new ArrayList<>();

    /**
     * @param base the folder relative paths are resolved against (the protocol's, by default)
     * @param checkFiles whether named files and folders must exist
     */
    StudyPaths(Path base, boolean checkFiles) {
        this.base = base.toAbsolutePath().normalize();
        this.realBase = real(this.base);
        this.checkFiles = checkFiles;
    }

    /** Adds a folder of {@code allowed_roots}, or records why it cannot be one. */
    void allow(YamlValue v) {
        v.text()
                .flatMap(t -> path(v, t))
                .ifPresent(
                        p -> {
                            Path r = real(p);
                            if (r.getParent() == null) {
                                v.problem(
                                        Quote.value(v.node().textValue())
                                                + " is the root of the file system: name the folder"
                                                + " that holds the study's data");
                            } else if (checkFiles && !Files.isDirectory(p)) {
                                v.problem(
                                        Quote.value(v.node().textValue())
                                                + " is not a folder ("
                                                + p
                                                + ")");
                            } else {
                                roots.add(r);
                            }
                        });
    }

    /**
     * Returns the path {@code v} names, resolved against the base, when it stays inside the study
     * (and, when files are checked, is a folder or a file as asked); otherwise empty after
     * recording why.
     */
    Optional<Path> resolve(YamlValue v, String text, boolean directory) {
        Optional<Path> p = path(v, text);
        if (p.isEmpty()) {
            return p;
        }
        Path real = real(p.get());
        if (!real.startsWith(realBase) && roots.stream().noneMatch(real::startsWith)) {
            v.problem(
                    Quote.value(text)
                            + " resolves to "
                            + real
                            + ", outside the protocol's folder "
                            + realBase
                            + "; list a folder that holds it under allowed_roots to use it");
            return Optional.empty();
        }
        if (checkFiles && directory && !Files.isDirectory(p.get())) {
            v.problem(Quote.value(text) + " is not a folder (" + p.get() + ")");
            return Optional.empty();
        }
        if (checkFiles && !directory && !Files.isRegularFile(p.get())) {
            v.problem(Quote.value(text) + " is not a file (" + p.get() + ")");
            return Optional.empty();
        }
        return p;
    }

    private Optional<Path> path(YamlValue v, String text) {
        try {
            return Optional.of(base.resolve(text).normalize());
        } catch (InvalidPathException e) {
            v.problem(Quote.value(text) + " is not a path: " + e.getReason());
            return Optional.empty();
        }
    }

    /**
     * Returns where {@code p} really is: every symbolic link on the way followed (a dangling one
     * too, so that a link to a file not yet there cannot pass), {@code ..} taken after the link
     * before it, as the file system does. Links are read; nothing is opened.
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        Deque<String> todo = new ArrayDeque<>();
        abs.forEach(n -> todo.addLast(n.toString()));
        Path cur = abs.getRoot();
        int links = 0;
        while (!todo.isEmpty()) {
            String n = todo.removeFirst();
            if (n.equals("..")) {
                cur = cur.getParent() == null ? cur : cur.getParent();
                continue;
            }
            Path next = cur.resolve(n);
            if (!n.equals(".") && Files.isSymbolicLink(next) && links++ < MAX_LINKS) {
                try {
                    Path target = Files.readSymbolicLink(next);
                    List<String> names = new ArrayList<>();
                    target.forEach(t -> names.add(t.toString()));
                    for (int i = names.size() - 1; i >= 0; i--) todo.addFirst(names.get(i));
                    cur = target.isAbsolute() ? target.getRoot() : cur;
                    continue;
                } catch (IOException e) {
                    // unreadable link: it stands where it is
                }
            }
            cur = n.equals(".") ? cur : next;
        }
        return cur;
    }
}
