package org.clinval.app.demo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Set;
import org.clinval.app.cli.UserError;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyException;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.workflows.signature.AdministrationRefusedException;
import org.clinval.workflows.signature.InvalidRegistryException;
import org.clinval.workflows.signature.UserAdministration;
import org.clinval.workflows.signature.UserRegistry;

/**
 * The demos' site: a site keystore with the published passphrase {@value DemoStudy#KEY_PASSPHRASE}
 * and a user registry of demo accounts with the published password {@value DemoStudy#PASSWORD}, in
 * one folder ({@value #FOLDER}) beside the demo folders. {@code clinval demo}, {@code clinval pms
 * demo} and {@code clinval serve} without a registry of its own share it: whichever runs first
 * creates it, the others open it, so one server verifies the records of both demos and logs in
 * their users. It is for trying clinval only: anyone can sign as its users.
 */
public final class DemoSite {

    /** The folder's name, beside the demo folders. */
    public static final String FOLDER = "clinval-demo-site";

    /** The demo's surveillance analyst, who signs triage and root cause. */
    public static final String ANALYST = "pms.analyst";

    private final Path dir;
    private final SiteKey key;

    private DemoSite(Path dir, SiteKey key) {
        this.dir = dir;
        this.key = key;
    }

    /** The demo site beside folder {@code out} (a demo's output folder). */
    public static DemoSite beside(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent() != null ? abs.getParent() : abs;
        return openOrCreate(parent.resolve(FOLDER));
    }

    /** Opens the demo site in {@code dir}, creating what is missing of it. */
    public static synchronized DemoSite openOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        // Two demos started at once in two terminals: one creates, the other waits and opens.
        try (FileChannel ch =
                        FileChannel.open(
                                dir.resolve(".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            Path keystore = dir.resolve("keys").resolve("site-key.json");
            SiteKey key;
            try {
                key =
                        Files.exists(keystore)
                                ? SiteKeyStore.open(
                                        keystore, DemoStudy.KEY_PASSPHRASE.toCharArray())
                                : SiteKeyStore.create(
                                        keystore, DemoStudy.KEY_PASSPHRASE.toCharArray());
            } catch (SiteKeyException e) {
                throw new UserError(
                        keystore
                                + " is not the demo's keystore ("
                                + e.getMessage()
                                + "): remove "
                                + dir
                                + " and run again",
                        e);
            }
            DemoSite site = new DemoSite(dir, key);
            if (!Files.exists(site.publicKey())) {
                Files.writeString(
                        site.publicKey(), key.publicKey().toJson(), StandardCharsets.UTF_8);
            }
            if (!Files.exists(site.users())) {
                DemoStudy.users(site.users(), key);
            }
            return site;
        }
    }

    /** Adds the demo surveillance analyst ({@value #ANALYST}) unless the registry has them. */
    public synchronized void addAnalyst() throws IOException {
        try {
            if (UserRegistry.load(users(), key.publicKey()).find(ANALYST).isPresent()) return;
            UserAdministration.open(users(), key, Clock.systemUTC())
                    .add(
                            new UserAdministration.Credentials(
                                    DemoStudy.ADMIN, DemoStudy.PASSWORD.toCharArray()),
                            ANALYST,
                            "Robin Haas (demo surveillance analyst)",
                            Set.of("pms-analyst"),
                            DemoStudy.PASSWORD.toCharArray(),
                            false);
        } catch (InvalidRegistryException | AdministrationRefusedException e) {
            throw new UserError(
                    users() + ": " + e.getMessage() + "; remove " + dir + " and run again", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public SiteKey key() {
        return key;
    }

    public Path keystore() {
        return dir.resolve("keys").resolve("site-key.json");
    }

    public Path publicKey() {
        return dir.resolve("keys").resolve("site-key.public.json");
    }

    public Path users() {
        return dir.resolve("users.json");
    }

    /** The demo site's dataset ledger: every lock of and inference over the demos' test sets. */
    public Path ledger() {
        return dir.resolve("ledger");
    }

    /** The demo accounts' published password. */
    public static String password() {
        return DemoStudy.PASSWORD;
    }

    /** The demo keystore's published passphrase. */
    public static String passphrase() {
        return DemoStudy.KEY_PASSPHRASE;
    }
}
