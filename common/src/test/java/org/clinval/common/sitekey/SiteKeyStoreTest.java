package org.clinval.common.sitekey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.clinval.common.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore as an attacker and a careless user would meet it. */
class SiteKeyStoreTest {

    private static final char[] PASSPHRASE = "site passphrase 1".toCharArray();

    @TempDir Path dir;

    @Test
    void aNewKeystoreOpensWithItsPassphraseAndSignsWhatItsPublicKeyVerifies() throws Exception {
        Path file = dir.resolve("config/clinval/site-key.json");
        SiteKey created = SiteKeyStore.create(file, PASSPHRASE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        String text = Files.readString(file);
        assertThat(text)
                .contains("\"format\": \"clinval-site-key/1\"")
                .contains("\"iterations\": 600000")
                .contains("\"cipher\": \"AES-256-GCM\"")
                .doesNotContain(
                        Base64.getEncoder().encodeToString(created.privateKey().getEncoded()));

        SiteKey opened = SiteKeyStore.open(file, PASSPHRASE);
        assertThat(opened.keyId()).isEqualTo(created.keyId()).hasSize(16);
        assertThat(opened.keyId())
                .isEqualTo(Sha256.of(opened.publicKey().encoded()).substring(0, 16));
        String sig = opened.sign("entry 1");
        assertThat(created.publicKey().verify("entry 1", sig)).isTrue();
        assertThat(created.publicKey().verify("entry 2", sig)).isFalse();
        assertThat(SiteKey.generate().publicKey().verify("entry 1", sig)).isFalse();
        assertThat(created.publicKey().verify("entry 1", "not base64!")).isFalse();
        assertThat(SiteKeyStore.publicKey(file)).isEqualTo(created.publicKey());
        assertThat(opened.toString()).isEqualTo("site key " + opened.keyId());
    }

    @Test
    void aKeystoreIsNeverReplaced() throws Exception {
        Path file = dir.resolve("site-key.json");
        SiteKeyStore.create(file, PASSPHRASE);
        String before = Files.readString(file);
        assertThatThrownBy(() -> SiteKeyStore.create(file, PASSPHRASE))
                .isInstanceOf(SiteKeyException.class)
                .hasMessage("the keystore " + file + " exists: a site key is never replaced");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aWrongPassphraseAShortOneAndAMissingFileAreOneLineErrors() throws Exception {
        Path file = dir.resolve("site-key.json");
        SiteKeyStore.create(file, PASSPHRASE);
        assertThatThrownBy(() -> SiteKeyStore.open(file, "site passphrase 2".toCharArray()))
                .isInstanceOf(SiteKeyException.class)
                .hasMessage(
                        "wrong passphrase for the keystore " + file + " (or the file was altered)");
        assertThatThrownBy(() -> SiteKeyStore.create(dir.resolve("b.json"), "short".toCharArray()))
                .hasMessage("the passphrase is too short: 5 characters, need at least 8");
        assertThatThrownBy(() -> SiteKeyStore.open(dir.resolve("none.json"), PASSPHRASE))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(
                        "none.json: no keystore (create one with 'clinval keys init')");
    }

    @Test
    void aKeystoreReadableByOthersIsRefusedWithTheFix() throws Exception {
        Path file = dir.resolve("site-key.json");
        SiteKeyStore.create(file, PASSPHRASE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SiteKeyStore.open(file, PASSPHRASE))
                .isInstanceOf(InsecureFileException.class)
                .hasMessage(
                        file
                                + " is readable by group or others (mode rw-r--r--): chmod 600 "
                                + file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));
        assertThatThrownBy(() -> SiteKeyStore.open(file, PASSPHRASE))
                .hasMessage(
                        file
                                + " is writable by group or others (mode rw--w----): chmod 600 "
                                + file);
    }

    @Test
    void aKeystoreWhosePublicHalfWasSwappedDoesNotOpen() throws Exception {
        Path file = dir.resolve("site-key.json");
        SiteKeyStore.create(file, PASSPHRASE);
        PublicSiteKey other = SiteKey.generate().publicKey();
        Map<String, Object> m = FlatJson.read(Files.readString(file));
        m.put("public_key", Base64.getEncoder().encodeToString(other.encoded()));
        m.put("key_id", other.keyId());
        Files.writeString(file, FlatJson.write(m));
        assertThatThrownBy(() -> SiteKeyStore.open(file, PASSPHRASE))
                .isInstanceOf(SiteKeyException.class)
                .hasMessage(
                        "wrong passphrase for the keystore " + file + " (or the file was altered)");

        m.put("key_id", "0123456789abcdef");
        Files.writeString(file, FlatJson.write(m));
        assertThatThrownBy(() -> SiteKeyStore.publicKey(file))
                .hasMessage(
                        file
                                + ": key_id 0123456789abcdef is not the id of its public key ("
                                + other.keyId()
                                + ")");
    }

    @Test
    void theExportedPublicKeyReadsBackAsJsonOrPem() throws Exception {
        PublicSiteKey k = SiteKey.generate().publicKey();
        Path json = Files.writeString(dir.resolve("site.pub.json"), k.toJson());
        Path pem = Files.writeString(dir.resolve("site.pem"), k.toPem());
        assertThat(PublicSiteKey.read(json)).isEqualTo(k);
        assertThat(PublicSiteKey.read(pem)).isEqualTo(k);
        assertThat(Files.readString(json))
                .contains("\"format\": \"clinval-site-public-key/1\"")
                .contains("\"key_id\": \"" + k.keyId() + "\"");

        Files.writeString(json, k.toJson().replace(k.keyId(), "ffffffffffffffff"));
        assertThatThrownBy(() -> PublicSiteKey.read(json))
                .isInstanceOf(SiteKeyException.class)
                .hasMessage(
                        json
                                + ": key_id ffffffffffffffff is not the id of its public_key ("
                                + k.keyId()
                                + ")");
        Files.writeString(json, "{\"format\": 1");
        assertThatThrownBy(() -> PublicSiteKey.read(json))
                .hasMessage(
                        json
                                + ": not a site public key (JSON or PEM): unexpected end at character 13");
    }

    @Test
    void theDefaultLocationFollowsTheEnvironment() {
        assertThat(SiteKeyStore.defaultLocation(Map.of("CLINVAL_KEYSTORE", "/k/s.json"), "/home/u"))
                .isEqualTo(Path.of("/k/s.json"));
        assertThat(SiteKeyStore.defaultLocation(Map.of("XDG_CONFIG_HOME", "/x"), "/home/u"))
                .isEqualTo(Path.of("/x/clinval/site-key.json"));
        assertThat(SiteKeyStore.defaultLocation(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/clinval/site-key.json"));
    }

    @Test
    void aSecretFileIsReadOnlyWhenOnlyItsOwnerCanReadIt() throws Exception {
        Path f = dir.resolve("passphrase");
        Files.writeString(f, "the secret\nsecond line\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> SecretFile.firstLine(f))
                .isInstanceOf(InsecureFileException.class)
                .hasMessage(f + " is readable by group or others (mode rw-r-----): chmod 600 " + f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertThat(SecretFile.firstLine(f)).containsExactly("the secret".toCharArray());
        Files.writeString(f, "\n");
        assertThatThrownBy(() -> SecretFile.firstLine(f))
                .hasMessage(f + ": the first line (the secret) is empty");
    }

    @Test
    void flatJsonRoundTripsEscapesAndNamesTheBadCharacter() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", "quote \" backslash \\ newline \n tab \t bell \u0007");
        m.put("n", 600000L);
        assertThat(FlatJson.read(FlatJson.write(m))).isEqualTo(m);
        assertThatThrownBy(() -> FlatJson.read("{\"a\": true}"))
                .hasMessage("expected a string or a non-negative integer at character 7");
        assertThatThrownBy(() -> FlatJson.read("{\"a\": \"x\"} {"))
                .hasMessage("text after the object at character 12");
    }
}
