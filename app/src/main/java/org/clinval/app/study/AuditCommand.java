package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.records.RunVerification;
import org.clinval.workflows.records.RunVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval audit}: the records of a run folder. */
@Subcommands({AuditCommand.Verify.class})
@Command(name = "audit", description = "Verify the records of study runs.")
public final class AuditCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval audit verify DIR'");
    }

    /** {@code clinval audit verify DIR [--public-key F]}: exit 1 when something differs. */
    @Command(
            name = "verify",
            description =
                    "Verify a run folder with the site's public key: the audit trail's chain and"
                            + " every entry, head and checkpoint signature, every electronic"
                            + " signature, every file the trail recorded, the locked inputs (when"
                            + " they are on this machine) and, once sealed, every file against the"
                            + " signed run manifest. Prints JSON naming the first thing that"
                            + " differs.")
    public static final class Verify implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The run folder.")
        Path dir;

        @Option(
                names = "--public-key",
                paramLabel = "F",
                description =
                        "The site's public key (from 'clinval keys export-public'); default: the"
                                + " public key of the keystore. Never a key in the run folder.")
        Path publicKey;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(dir)) {
                throw new UserError("not a folder: " + dir);
            }
            if (!Files.exists(dir.resolve(AuditTrail.FILE))) {
                throw new UserError("no audit trail in " + dir + " (" + AuditTrail.FILE + ")");
            }
            PublicSiteKey key = options.publicKey(publicKey);
            RunVerification v = RunVerifier.verify(dir, key);
            ObjectNode o = Json.object();
            o.put("ok", v.ok());
            o.put("entries", v.entries());
            o.put("key_id", v.keyId());
            o.put("sealed", v.sealed());
            o.put("signatures", v.signatures());
            o.put("files", v.files());
            o.put("inputs", v.inputs());
            ArrayNode notes = o.putArray("notes");
            v.notes().forEach(notes::add);
            if (v.firstBad().isPresent()) {
                RunVerification.Finding f = v.firstBad().get();
                ObjectNode b = o.putObject("first_bad");
                b.put("kind", f.kind().key());
                b.put("what", f.what());
                b.put("problem", f.problem());
            } else {
                o.putNull("first_bad");
            }
            spec.commandLine().getOut().println(Json.write(o));
            if (!v.ok()) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "clinval: the run does not verify: "
                                        + v.firstBad().get().problem());
                return 1;
            }
            return 0;
        }
    }
}
