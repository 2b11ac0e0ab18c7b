package org.clinval.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;

/**
 * A site and a study as a QA team sets them up for the end-to-end tests: a keystore, the user
 * registry (administrator, QA lead, QA reviewer), the demo model, acceptance criteria and a
 * protocol over a phantom chest CT study written here. The options every study command takes are in
 * {@link #options()}.
 */
public final class StudySite {

    public final Path root;
    public final PhantomStudy phantoms;
    public final Path protocol;
    public final Path users;
    public final Path keystore;
    public final Path passphrase;
    public final Path password;
    public final Path publicKey;

    private StudySite(
            Path root,
            PhantomStudy phantoms,
            Path protocol,
            Path users,
            Path keystore,
            Path passphrase,
            Path password,
            Path publicKey) {
        this.root = root;
        this.phantoms = phantoms;
        this.protocol = protocol;
        this.users = users;
        this.keystore = keystore;
        this.passphrase = passphrase;
        this.password = password;
        this.publicKey = publicKey;
    }

    /** Writes a site and a study of {@code cases} phantom cases below {@code root}. */
    public static StudySite create(Path root, int cases, int seed) throws Exception {
        PhantomStudy phantoms =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(seed)
                                .setSize(256)
                                .setPrevalence(0.3)
                                .build(),
                        cases,
                        root.resolve("data"));
        Path descriptor = DemoStudy.model(root.resolve("model"));
        DemoStudy.features(root.resolve("features"), "classification");
        Path protocol =
                DemoStudy.protocol(
                        root.resolve("protocol.yaml"),
                        descriptor,
                        Sha256.of(descriptor),
                        seed,
                        "classification");
        Path keys = Files.createDirectories(root.resolve("keys"));
        Path keystore = keys.resolve("site-key.json");
        SiteKey key = SiteKeyStore.create(keystore, DemoStudy.KEY_PASSPHRASE.toCharArray());
        Path publicKey = keys.resolve("site-key.public.json");
        Files.writeString(publicKey, key.publicKey().toJson(), StandardCharsets.UTF_8);
        Path users = DemoStudy.users(root.resolve("users.json"), key);
        return new StudySite(
                root,
                phantoms,
                protocol,
                users,
                keystore,
                secret(keys.resolve("passphrase"), DemoStudy.KEY_PASSPHRASE),
                secret(keys.resolve("password"), DemoStudy.PASSWORD),
                publicKey);
    }

    private static Path secret(Path file, String text) throws IOException {
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The options of the study commands: users, keystore and its passphrase. */
    public List<String> options() {
        return List.of(
                "--users",
                users.toString(),
                "--keystore",
                keystore.toString(),
                "--key-passphrase-file",
                passphrase.toString());
    }

    /** {@code command} followed by {@link #options()}. */
    public String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(options());
        return all.toArray(String[]::new);
    }

    public static final String LEAD = DemoStudy.LEAD;
    public static final String REVIEWER = DemoStudy.REVIEWER;
}
