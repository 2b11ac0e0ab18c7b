package org.clinval.risk.io;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlSchema;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.RiskRegister;

/**
 * Reads and checks the three YAML files of risk management: the plan, the requirements and the risk
 * register, each against its published JSON Schema ({@link #PLAN_SCHEMA}, {@link
 * #REQUIREMENTS_SCHEMA}, {@link #REGISTER_SCHEMA}) and the rules a schema cannot state. Every
 * problem of all three is collected in one pass and reported together by {@link
 * InvalidRiskFileException}, each with its file, line and YAML path, so that the file is fixed in
 * one round.
 *
 * <p>Checked: required keys, unknown keys (a misspelt optional key must not silently fall back to
 * nothing), identifiers and their uniqueness, the scales and the monotony of the acceptability
 * matrix, every level against the plan's scales (a severity given where a probability belongs is
 * named as such), every requirement and control reference, that each reduction lowers its factor,
 * that the stated residual risk follows from the reductions, and that every control is applied to
 * some hazard. Only plain YAML is accepted (no tags that construct objects), and duplicate keys are
 * an error.
 */
public final class RiskFileReader {

    /** Class-path name of the plan's JSON Schema, also published in docs/schemas. */
    public static final String PLAN_SCHEMA = "/org/clinval/risk/io/risk-plan.schema.json";

    /** Class-path name of the requirements' JSON Schema, also published in docs/schemas. */
    public static final String REQUIREMENTS_SCHEMA =
            "/org/clinval/risk/io/risk-requirements.schema.json";

    /** Class-path name of the register's JSON Schema, also published in docs/schemas. */
    public static final String REGISTER_SCHEMA = "/org/clinval/risk/io/risk-file.schema.json";

    private static final YamlSchema PLAN = YamlSchema.load(RiskFileReader.class, PLAN_SCHEMA);
    private static final YamlSchema REQUIREMENTS =
            YamlSchema.load(RiskFileReader.class, REQUIREMENTS_SCHEMA);
    private static final YamlSchema REGISTER =
            YamlSchema.load(RiskFileReader.class, REGISTER_SCHEMA);

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
        YamlDocument register = load(registerFile, REGISTER);
        Map<String, String> named = RegisterParser.header(register);
        Path base = registerFile.getParent() == null ? Path.of("") : registerFile.getParent();
        Optional<Path> plan = planFile.or(() -> resolve(base, named.get("plan")));
        Optional<Path> reqs = requirementsFile.or(() -> resolve(base, named.get("requirements")));

        // A register that could not be loaded names nothing: its own problem says why.
        if (plan.isEmpty() && register.loaded()) {
            register.problem(
                    "risk_file.plan",
                    "names no risk management plan and none was given: name the plan file here");
        }
        Optional<YamlDocument> planDoc =
                plan.isPresent() ? Optional.of(load(plan.get(), PLAN)) : Optional.empty();
        Optional<PlanParser> planParser =
                planDoc.flatMap(YamlDocument::rootMap).map(PlanParser::parse);
        if (reqs.isEmpty() && register.loaded()) {
            register.problem(
                    "risk_file.requirements",
                    "names no requirements file and none was given: name the requirements file"
                            + " here");
        }
        Optional<YamlDocument> reqDoc =
                reqs.isPresent() ? Optional.of(load(reqs.get(), REQUIREMENTS)) : Optional.empty();
        Optional<RequirementsParser> reqParser =
                reqDoc.flatMap(YamlDocument::rootMap).map(RequirementsParser::parse);
        Optional<RiskRegister> parsed =
                register.rootMap()
                        .flatMap(
                                r ->
                                        RegisterParser.parse(
                                                r,
                                                planParser.flatMap(p -> p.severity),
                                                planParser.flatMap(p -> p.probability),
                                                reqParser.filter(p -> p.present).map(p -> p.ids)));
        List<Problem> problems = new ArrayList<>();
        planDoc.ifPresent(d -> d.problems().forEach(p -> problems.add(Problem.of(p))));
        reqDoc.ifPresent(d -> d.problems().forEach(p -> problems.add(Problem.of(p))));
        register.problems().forEach(p -> problems.add(Problem.of(p)));
        if (!problems.isEmpty()) {
            throw new InvalidRiskFileException(problems);
        }
        return new RiskManagementFile(
                planParser.orElseThrow().plan.orElseThrow(),
                reqParser.orElseThrow().requirements,
                parsed.orElseThrow(),
                new RiskManagementFile.Sources(
                        plan.get().toString(), reqs.get().toString(), registerFile.toString()));
    }

    private static Optional<Path> resolve(Path base, String named) {
        return named == null ? Optional.empty() : Optional.of(base.resolve(named).normalize());
    }

    /** Loads a YAML document checked against its schema; a missing file is its one problem. */
    private static YamlDocument load(Path file, YamlSchema schema) throws IOException {
        try {
            return schema.check(YamlDocument.read(file, file.toString()));
        } catch (NoSuchFileException e) {
            return YamlDocument.unreadable(file.toString(), "no such file");
        }
    }
}
