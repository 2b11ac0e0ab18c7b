import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Copies a jar without the Class-Path attribute of its manifest. Debian's PixelMed jar names
 * /usr/share/java jars there (slf4j-jdk14 among them); the JVM would load them beside Maven's
 * dependencies. Usage: java StripClassPath.java IN OUT, or --check JAR (exit 1 if it has one).
 */
public class StripClassPath {
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--check")) {
            try (JarInputStream in = new JarInputStream(Files.newInputStream(Path.of(args[1])))) {
                Manifest m = in.getManifest();
                boolean has = m != null && m.getMainAttributes().containsKey(Attributes.Name.CLASS_PATH);
                System.exit(has ? 1 : 0);
            }
        }
        if (args.length != 2) {
            System.err.println("usage: StripClassPath IN OUT | --check JAR");
            System.exit(2);
        }
        try (JarInputStream in = new JarInputStream(Files.newInputStream(Path.of(args[0])))) {
            Manifest m = in.getManifest() == null ? new Manifest() : in.getManifest();
            m.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
            try (OutputStream file = Files.newOutputStream(Path.of(args[1]));
                    JarOutputStream out = new JarOutputStream(file, m)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }
}
