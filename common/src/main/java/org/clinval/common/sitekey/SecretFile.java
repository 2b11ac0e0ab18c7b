package org.clinval.common.sitekey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold secrets or records only their owner may touch: read with a check that group and
 * others have no access, written with POSIX mode 600 (folders 700). On a file system without POSIX
 * permissions the check is skipped: there is nothing to check.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> OPEN =
            EnumSet.of(
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE);

    private SecretFile() {}

    /**
     * Refuses {@code file} when group or others may read or write it.
     *
     * @throws InsecureFileException naming the file, its mode and the fix ({@code chmod 600})
     */
    public static void requireOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> p;
        try {
            p = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (p.stream().noneMatch(OPEN::contains)) {
            return;
        }
        boolean readable =
                p.contains(PosixFilePermission.GROUP_READ)
                        || p.contains(PosixFilePermission.OTHERS_READ);
        throw new InsecureFileException(
                file
                        + " is "
                        + (readable ? "readable" : "writable")
                        + " by group or others (mode "
                        + PosixFilePermissions.toString(p)
                        + "): chmod 600 "
                        + file);
    }

    /**
     * Returns the first line of a secret file (a password or passphrase), after {@link
     * #requireOwnerOnly}. The caller clears the array when done.
     *
     * @throws IOException if the file is open to others, missing, or its first line is empty
     */
    public static char[] firstLine(Path file) throws IOException {
        requireOwnerOnly(file);
        byte[] bytes = Files.readAllBytes(file);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            char[] line = new char[end];
            chars.get(line, 0, end);
            Arrays.fill(chars.array(), '\0');
            if (line.length == 0) {
                throw new IOException(file + ": the first line (the secret) is empty");
            }
            return line;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Writes {@code content} to {@code file} with mode 600, replacing it atomically (through a
     * temporary file in the same folder); with {@code createNew} an existing file is refused.
     */
    public static void write(Path file, byte[] content, boolean createNew) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        createDirectories(parent);
        if (createNew && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        create(tmp);
        Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
        if (createNew) {
            try {
                Files.createLink(file, tmp); // fails if another process created it meanwhile
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file); // no hard links here; refuses an existing file too
            } finally {
                Files.deleteIfExists(tmp);
            }
            return;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Creates an empty file with mode 600 (or without permissions where POSIX has none). */
    public static void create(Path file) throws IOException {
        try {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** Creates {@code dir} and its missing parents, new ones with mode 700. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(
                    dir,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }
}
