package io.github.wso2ports.maven;

import io.github.wso2ports.Port;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The goals as a command for servers without Maven: {@code java -jar wso2-ports-maven-plugin-<version>-cli.jar
 * <command> [options]}. Each command sets the options of the goal of its name (the Maven properties without their
 * prefix, {@code --offset 3}, {@code --home DIR}, {@code --dry-run}) and runs that goal as Maven would without a pom:
 * the same messages, reports and outcome. Exit codes: 0 passed, 1 findings (or a refusal), 2 bad input or usage.
 */
@Command(name = "wso2-ports", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Sets, checks and plans the port offsets of WSO2 products, and probes the ports they need.",
        subcommands = {Cli.Apply.class, Cli.Check.class, Cli.Plan.class, Cli.Report.class, Cli.Probe.class})
public final class Cli {

    /** The command's outcome: 0 passed, 1 findings or a refusal, 2 bad input or usage (picocli's usage code). */
    static final int PASSED = 0;
    static final int FINDINGS = 1;
    static final int BROKEN = 2;

    public static void main(String[] args) {
        System.exit(run(System.out, new File(System.getProperty("user.dir")), args));
    }

    /** Runs a command line in {@code folder} (paths are shown from it), printing to {@code out}; returns the exit code. */
    static int run(PrintStream out, File folder, String... args) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(out, true));
        cli.setParameterExceptionHandler(Cli::usageError);
        for (CommandLine sub : cli.getSubcommands().values()) {
            ((Goal) sub.getCommand()).out = out;
            ((Goal) sub.getCommand()).folder = folder;
        }
        return cli.execute(args);
    }

    /**
     * A command line that cannot be taken: what is wrong, a mistyped option with the option it was likely meant to be
     * (as the goals say of a mistyped property), and where the options are; nothing is read or written.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        java.io.PrintWriter err = line.getErr();
        String command = line.getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            for (String arg : unmatched.getUnmatched()) {
                if (!arg.startsWith("-")) {
                    err.println("[ERROR] " + arg + " is not an argument of " + command + "; nothing was read or "
                            + "written");
                    continue;
                }
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String near = io.github.wso2ports.PropertyCheck.nearest(name, line.getCommandSpec().optionsMap()
                        .keySet());
                err.println("[ERROR] " + name + " is not an option of " + command + (near == null ? ""
                        : " (did you mean " + near + "?)") + "; nothing was read or written");
            }
        } else {
            // an option not of this command explains a missing one better than the missing one does (--ofset)
            List<String> unknown = java.util.Arrays.stream(args).filter(a -> a.startsWith("--"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                    .filter(a -> !line.getCommandSpec().optionsMap().containsKey(a)).toList();
            for (String name : unknown) {
                String near = io.github.wso2ports.PropertyCheck.nearest(name, line.getCommandSpec().optionsMap()
                        .keySet());
                err.println("[ERROR] " + name + " is not an option of " + command + (near == null ? ""
                        : " (did you mean " + near + "?)") + "; nothing was read or written");
            }
            if (unknown.isEmpty()) {
                err.println("[ERROR] " + e.getMessage() + "; nothing was read or written");
            }
        }
        err.println("[ERROR] See " + command + " --help for its options");
        return BROKEN;
    }

    /** The jar as the user runs it, for the commands messages suggest. */
    static String jar() {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return p.getFileName().toString().endsWith(".jar") ? p.getFileName().toString() : "wso2-ports-cli.jar";
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "wso2-ports-cli.jar";
        }
    }

    private static final java.util.regex.Pattern MAVEN_GOAL = java.util.regex.Pattern.compile("mvn wso2-ports:([a-z]+)");
    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile(
            "-D(?:wso2-ports\\.)?([a-z][A-Za-z]*)(=(\"[^\"]*\"|[^\\s,;)]+))?|\\bwso2-ports\\.([a-z][A-Za-z]*)\\b(?![.])");

    /**
     * A goal's message as this command says it: {@code mvn wso2-ports:plan} is {@code java -jar <jar> plan},
     * {@code -Dwso2-ports.outputDirectory=DIR} is {@code --output-directory DIR}, {@code -Doffset=3} is
     * {@code --offset 3}; nothing else changes.
     */
    static String said(String text) {
        String commands = MAVEN_GOAL.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("java -jar "
                + jar() + " " + m.group(1)));
        return PROPERTY.matcher(commands).replaceAll(m -> {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String option = "--" + name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            return java.util.regex.Matcher.quoteReplacement(m.group(3) == null ? option : option + " " + m.group(3));
        });
    }

    /** The plugin's version, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"wso2-ports " + (v == null ? "(development build)" : v)};
        }
    }

    /** What every command shares: the estate's homes and where paths are shown from; runs its goal. */
    abstract static class Goal implements Callable<Integer> {

        PrintStream out = System.out;
        File folder = new File(".");

        @Option(names = "--home", paramLabel = "DIR", description = "A distribution (folder, or a .zip to read), a "
                + "comma-separated list of them, or a folder of distributions. Default: the current folder.")
        String home;

        /** The goal, its options set. */
        abstract AbstractWso2PortsMojo goal();

        @Override
        public Integer call() {
            AbstractWso2PortsMojo goal = goal();
            goal.home = home;
            goal.basedir = folder;
            PrintLog log = new PrintLog(out);
            goal.setLog(log);
            try {
                goal.execute();
                return PASSED;
            } catch (MojoFailureException e) {
                log.last("ERROR", e.getMessage());
                return FINDINGS;
            } catch (MojoExecutionException e) {
                log.last("ERROR", e.getMessage());
                return BROKEN;
            }
        }
    }

    /** What the commands that read the whole estate share (check, report, plan, probe). */
    abstract static class Estate extends Goal {

        @Option(names = "--compose", paramLabel = "FILE", description = "docker-compose files whose services are part "
                + "of the estate, comma-separated.")
        String compose;

        @Option(names = "--compose-host", paramLabel = "HOST", defaultValue = "localhost", description = "The host the "
                + "compose files run on (default: ${DEFAULT-VALUE}).")
        String composeHost;

        @Option(names = "--reserved-ports-file", paramLabel = "FILE", description = "A file of reserved ports: one a "
                + "line, PORT[-PORT][/udp] [host=NAME] reason.")
        String reservedPortsFile;

        @Option(names = "--ephemeral-ports", paramLabel = "FROM-TO", defaultValue = Port.EPHEMERAL_DEFAULT,
                description = "The OS ephemeral port range (default: ${DEFAULT-VALUE}).")
        String ephemeralPorts;

        <M extends AbstractEstateMojo> M estate(M goal) {
            goal.compose = compose;
            goal.composeHost = composeHost;
            goal.reservedPortsFile = reservedPortsFile;
            goal.ephemeralPorts = ephemeralPorts;
            return goal;
        }
    }

    /** What check and report share. */
    abstract static class Checking extends Estate {

        @Option(names = "--suppressions-file", paramLabel = "FILE", description = "A file of accepted findings: one a "
                + "line, KIND HOST PORT [instance=ID] reason.")
        String suppressionsFile;

        @Option(names = "--fail-on-clash", paramLabel = "true|false", defaultValue = "true", arity = "1",
                description = "Fail on errors (default: ${DEFAULT-VALUE}); false prints them as warnings.")
        boolean failOnClash;

        @Option(names = "--fail-on-warning", description = "Fail on warnings too.")
        boolean failOnWarning;

        @Option(names = "--verbose", description = "Print every instance's full port table.")
        boolean verbose;

        @Option(names = "--output-directory", paramLabel = "DIR", description = "Where ports.json, ports.md, ports.svg "
                + "and wso2-ports.sarif are written; none without it.")
        String outputDirectory;

        <M extends AbstractCheckMojo> M checking(M goal) {
            estate(goal);
            goal.suppressionsFile = suppressionsFile;
            goal.failOnClash = failOnClash;
            goal.failOnWarning = failOnWarning;
            goal.verbose = verbose;
            goal.outputDirectory = outputDirectory;
            return goal;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, description = "Sets the port offset of a distribution "
            + "where that product reads it, changing no other byte.")
    static final class Apply extends Goal {

        // without a pom there is no planned offset to fall back on: no --offset is a usage error
        @Option(names = "--offset", paramLabel = "N", required = true, description = "The port offset to set.")
        String offset;

        @Option(names = "--runtime", paramLabel = "NAME", description = "In a multi-runtime distribution, the runtime to "
                + "change (broker, business-process, analytics, ...). Default: the primary runtime.")
        String runtime;

        @Option(names = "--dry-run", description = "Print a unified diff of what would change, and write nothing.")
        boolean dryRun;

        @Option(names = "--replace-placeholder", description = "Replace an offset deployment.toml takes from the "
                + "environment ($env{NAME}, $sys{name}).")
        boolean replacePlaceholder;

        @Override
        AbstractWso2PortsMojo goal() {
            ApplyMojo goal = new ApplyMojo();
            goal.offset = offset;
            goal.runtime = runtime;
            goal.dryRun = dryRun;
            goal.replacePlaceholder = replacePlaceholder;
            return goal;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Reads each instance's real config, "
            + "computes the ports it will listen on, and fails on clashes with one another or with reserved ports.")
    static final class Check extends Checking {

        @Override
        AbstractWso2PortsMojo goal() {
            CheckMojo goal = checking(new CheckMojo());
            goal.cache = false; // without a pom nothing is kept
            return goal;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the reports of check "
            + "(--output-directory) without failing on findings.")
    static final class Report extends Checking {

        @Override
        AbstractWso2PortsMojo goal() {
            return checking(new ReportMojo());
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, description = "Computes the smallest offsets that let the "
            + "instances start without clashes; --write writes them.")
    static final class Plan extends Estate {

        @Option(names = "--write", description = "Write the planned offsets of the free instances (as apply does).")
        boolean write;

        @Override
        AbstractWso2PortsMojo goal() {
            PlanMojo goal = estate(new PlanMojo());
            goal.write = write;
            return goal;
        }
    }

    @Command(name = "probe", mixinStandardHelpOptions = true, description = "On the host where the instances run: "
            + "whether each port they need is free, held by that instance, or held by another process (PID and "
            + "command line); fails when another process holds one.")
    static final class Probe extends Estate {

        @Override
        AbstractWso2PortsMojo goal() {
            return estate(new ProbeMojo());
        }
    }

    /** Maven's log levels as lines on the console, as Maven prints them. */
    private static final class PrintLog implements Log {

        private final PrintStream out;
        private String last;

        PrintLog(PrintStream out) {
            this.out = out;
        }

        private void line(String level, CharSequence text, Throwable e) {
            last = "[" + level + "] " + said(String.valueOf(text == null ? e : text));
            out.println(last);
        }

        /** The line the goal ended with, unless it was the last line printed (a goal prints its failure first). */
        void last(String level, String text) {
            String line = "[" + level + "] " + said(text);
            if (!line.equals(last)) {
                out.println(line);
            }
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(CharSequence content) {
        }

        @Override
        public void debug(CharSequence content, Throwable error) {
        }

        @Override
        public void debug(Throwable error) {
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public void info(CharSequence content) {
            line("INFO", content, null);
        }

        @Override
        public void info(CharSequence content, Throwable error) {
            line("INFO", content, error);
        }

        @Override
        public void info(Throwable error) {
            line("INFO", null, error);
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(CharSequence content) {
            line("WARNING", content, null);
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            line("WARNING", content, error);
        }

        @Override
        public void warn(Throwable error) {
            line("WARNING", null, error);
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(CharSequence content) {
            line("ERROR", content, null);
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            line("ERROR", content, error);
        }

        @Override
        public void error(Throwable error) {
            line("ERROR", null, error);
        }
    }
}
