package org.clinval.risk.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.risk.Requirement;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.RiskRegister;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks the three YAML files of risk management: the plan, the requirements and the risk
 * register. Every problem of all three is collected in one pass and reported together by {@link
 * InvalidRiskFileException}, each with its file and YAML path, so that the file is fixed in one
 * round.
 *
 * <p>Checked: required keys, unknown keys (a misspelt optional key must not silently fall back to
 * nothing), identifiers and their uniqueness, the scales and the monotony of the acceptability
 * matrix, every level against the plan's scales (a severity given where a probability belongs is
 * named as such), every requirement and control reference, that each reduction lowers its factor,
 * that the stated residual risk follows from the reductions, and that every control is applied to
 * some hazard. Only plain YAML is accepted (no tags that construct objects), and duplicate keys are
 * an error.
 *
 * <p>The file layouts are documented by the demo files in {@code org/clinval/risk/demo/}.
 */
public final class RiskFileReader {

    private RiskFileReader() {}

    /**
     * Reads the register {@code registerFile} with the plan and requirements it names in {@code
     * risk_file.plan} and {@code risk_file.requirements}, relative to its own folder.
     *
     * @throws InvalidRiskFileException listing every problem of the three files
     * @throws IOException if a file exists but cannot be read
     */
    public static RiskManagementFile read(Path registerFile)
            throws InvalidRiskFileException, IOException {
        return read(registerFile, Optional.empty(), Optional.empty());
    }

    /**
     * Reads the register {@code registerFile} with the given plan and requirements files; where one
     * is not given, the one the register names (relative to its folder) is read.
     *
     * @throws InvalidRiskFileException listing every problem of the three files
     * @throws IOException if a file exists but cannot be read
     */
    public static RiskManagementFile read(
            Path registerFile, Optional<Path> planFile, Optional<Path> requirementsFile)
            throws InvalidRiskFileException, IOException {
        Problems problems = new Problems();
        Problems.Sink registerSink = problems.in(registerFile.toString());
        Optional<Object> registerRoot = load(registerFile, registerSink);
        Map<String, String> named = registerRoot.map(RegisterParser::header).orElse(Map.of());
        Path base = registerFile.getParent() == null ? Path.of("") : registerFile.getParent();
        Optional<Path> plan = planFile.or(() -> resolve(base, named.get("plan")));
        Optional<Path> reqs = requirementsFile.or(() -> resolve(base, named.get("requirements")));

        PlanParser planParser = null;
        // A register that could not be loaded names nothing: its own problem says why.
        if (plan.isEmpty() && registerRoot.isPresent()) {
            registerSink.add(
                    "risk_file.plan",
                    "names no risk management plan and none was given: name the plan file here");
        } else if (plan.isPresent()) {
            Problems.Sink sink = problems.in(plan.get().toString());
            Optional<Object> root = load(plan.get(), sink);
            if (root.isPresent()) planParser = PlanParser.parse(root.get(), sink);
        }
        RequirementsParser reqParser = null;
        if (reqs.isEmpty() && registerRoot.isPresent()) {
            registerSink.add(
                    "risk_file.requirements",
                    "names no requirements file and none was given: name the requirements file"
                            + " here");
        } else if (reqs.isPresent()) {
            Problems.Sink sink = problems.in(reqs.get().toString());
            Optional<Object> root = load(reqs.get(), sink);
            if (root.isPresent()) reqParser = RequirementsParser.parse(root.get(), sink);
        }
        Optional<RiskRegister> register = Optional.empty();
        if (registerRoot.isPresent()) {
            PlanParser p = planParser;
            RequirementsParser r = reqParser;
            register =
                    RegisterParser.parse(
                            registerRoot.get(),
                            registerSink,
                            p == null ? Optional.empty() : p.severity,
                            p == null ? Optional.empty() : p.probability,
                            r == null || !r.present ? Optional.empty() : Optional.of(r.ids));
        }
        if (!problems.all().isEmpty()) {
            throw new InvalidRiskFileException(problems.all());
        }
        List<Requirement> requirements = reqParser.requirements;
        return new RiskManagementFile(
                planParser.plan.orElseThrow(),
                requirements,
                register.orElseThrow(),
                new RiskManagementFile.Sources(
                        plan.get().toString(), reqs.get().toString(), registerFile.toString()));
    }

    private static Optional<Path> resolve(Path base, String named) {
        return named == null ? Optional.empty() : Optional.of(base.resolve(named).normalize());
    }

    /** Loads a YAML document, recording a missing file, bad YAML or an empty file as a problem. */
    private static Optional<Object> load(Path file, Problems.Sink problems) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(options)).load(in);
            if (root == null) {
                problems.add("", "is empty");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (NoSuchFileException e) {
            problems.add("", "no such file");
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            problems.add(
                    "",
                    "is not valid YAML"
                            + (m == null
                                    ? ""
                                    : " at line "
                                            + (m.getLine() + 1)
                                            + ", column "
                                            + (m.getColumn() + 1))
                            + ": "
                            + e.getProblem());
        } catch (YAMLException e) {
            if (e.getCause() instanceof MalformedInputException) {
                problems.add("", "is not UTF-8 text");
            } else {
                problems.add("", "is not valid YAML: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
