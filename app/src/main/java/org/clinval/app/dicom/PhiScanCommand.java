package org.clinval.app.dicom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiScan;
import org.clinval.imaging.deid.PhiScanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code clinval dicom phi-scan FILE...}: what identifying content each file still holds, each
 * finding named by its path through sequences ({@code PhiFinding.path()}), never by its value.
 */
@Command(
        name = "phi-scan",
        description = {
            "Scan DICOM files for PHI: attributes of PS3.15 Table E.1-1 present and not empty,"
                    + " free text outside the table (code meanings, structured-report text,"
                    + " descriptions) that is not a cleaned value, dates in structured-report"
                    + " content, private attributes, burned-in annotation, at any depth of nested"
                    + " sequences.",
            "Prints JSON findings per file (path through sequences such as"
                    + " 'ContentSequence[3] > TextValue (0040,A160)', tag, keyword, location,"
                    + " kind, reason, size): never the values.",
            "Exit code: 0 no PHI found; 3 PHI found in some file; 1 some file could not be"
                    + " scanned (and no PHI found in the others).",
            "Folders are scanned recursively; files in them that are not DICOM are skipped."
        })
public final class PhiScanCommand implements Callable<Integer> {

    /** Exit code when some file holds PHI: distinct from errors, for scripts that gate on it. */
    public static final int PHI_FOUND = 3;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files or folders.")
    List<Path> paths;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode o = Json.object();
        ArrayNode files = o.putArray("files");
        ArrayNode skipped = o.putArray("skipped");
        ArrayNode unreadable = o.putArray("unreadable");
        int scanned = 0;
        int withPhi = 0;
        for (Path p : paths) {
            boolean named = Files.isRegularFile(p);
            for (Path f : DicomInputs.files(p)) {
                if (!named && !PhiScanner.isDicomFile(f)) {
                    skipped.add(f.toString());
                    continue;
                }
                try {
                    PhiScan scan = PhiScanner.scan(f);
                    scanned++;
                    withPhi += scan.hasPhi() ? 1 : 0;
                    files.add(json(scan));
                } catch (ImagingException e) {
                    spec.commandLine().getErr().println("clinval: " + e.getMessage());
                    ObjectNode u = unreadable.addObject();
                    u.put("file", f.toString());
                    u.put("error", e.getMessage());
                }
            }
        }
        o.put("files_scanned", scanned);
        o.put("files_with_phi", withPhi);
        o.put("files_unreadable", unreadable.size());
        spec.commandLine().getOut().println(Json.write(o));
        if (withPhi > 0) {
            return PHI_FOUND;
        }
        return unreadable.isEmpty() ? 0 : 1;
    }

    private static ObjectNode json(PhiScan scan) {
        ObjectNode f = Json.object();
        f.put("file", scan.file().toString());
        f.put("declared_deidentified", scan.declaredDeidentified());
        f.put("phi", scan.hasPhi());
        ArrayNode a = f.putArray("findings");
        for (PhiFinding x : scan.findings()) {
            ObjectNode n = a.addObject();
            n.put("path", x.path());
            n.put("tag", x.tag());
            n.put("keyword", x.keyword());
            n.put("location", x.location());
            n.put("kind", x.kind().name().toLowerCase(Locale.ROOT));
            n.put("phi", x.isPhi());
            n.put("reason", x.reason());
            n.put("size", x.size());
        }
        return f;
    }
}
