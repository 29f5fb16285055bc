package dev.multidb.benchmarks.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code RESULT} lines of {@link BootstrapRun}s into medians and rewrites the bootstrap
 * section of {@code BENCHMARKS.md}, between {@value #BEGIN} and {@value #END} (appended at the end when
 * the markers are missing; nothing outside them is touched):
 *
 * <pre>
 * java -cp benchmarks.jar dev.multidb.benchmarks.bootstrap.BootstrapReport RESULTS BENCHMARKS.md CONDITIONS
 * </pre>
 *
 * <p>Library-and-Hibernate heap of a side is its median heap minus the median heap of the H2-only runs
 * with the same number of aliases (the same databases and tables, no Hibernate).
 */
public final class BootstrapReport {

    static final String BEGIN = "<!-- bootstrap:begin -->";
    static final String END = "<!-- bootstrap:end -->";

    private static final int[] ALIASES = {1, 8, 32};
    private static final double MB = 1024.0 * 1024.0;
    private static final int HANDFUL = 5;
    private static final int FULL_RUN_JVMS = 5;

    private final List<Run> runs;
    private final List<String> targets = new ArrayList<>();
    private boolean smoke;

    private BootstrapReport(List<Run> runs) {
        this.runs = runs;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: BootstrapReport RESULTS BENCHMARKS.md CONDITIONS");
        }
        List<Run> runs = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("RESULT ")).map(Run::parse).toList();
        BootstrapReport report = new BootstrapReport(runs);
        String section = report.section(args[2]);
        Files.write(Path.of(args[0] + ".targets.tsv"), report.targets, StandardCharsets.UTF_8);
        Path markdown = Path.of(args[1]);
        // Read just before writing: other sections of the file are rewritten by other scripts.
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin) + section + text.substring(end + END.length())
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
        Files.writeString(markdown, updated, StandardCharsets.UTF_8);
        System.out.println(section);
    }

    /** One JVM's result line. */
    record Run(String side, int aliases, String schema, double timeMillis, long heapBytes, int[] connections) {

        static Run parse(String line) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : line.substring("RESULT ".length()).trim().split("\\s+")) {
                int equals = pair.indexOf('=');
                values.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            int[] connections = Arrays.stream(values.get("connections").split(",")).mapToInt(Integer::parseInt).toArray();
            return new Run(values.get("side"), Integer.parseInt(values.get("aliases")), values.get("schema"),
                    Double.parseDouble(values.get("time_ms")), Long.parseLong(values.get("heap_bytes")), connections);
        }

        int maxConnections() {
            return Arrays.stream(connections).max().orElse(0);
        }

        int totalConnections() {
            return Arrays.stream(connections).sum();
        }
    }

    /** The medians of one side at one number of aliases. */
    record Point(int jvms, double timeMillis, double minTimeMillis, double maxTimeMillis, double heapBytes,
                 int maxConnections, double totalConnections) {
    }

    private Point point(String side, int aliases, String schema) {
        List<Run> matching = runs.stream()
                .filter(run -> run.side().equals(side) && run.aliases() == aliases && run.schema().equals(schema))
                .toList();
        if (matching.isEmpty()) {
            return null;
        }
        double[] times = matching.stream().mapToDouble(Run::timeMillis).toArray();
        return new Point(matching.size(), median(times), Arrays.stream(times).min().orElseThrow(),
                Arrays.stream(times).max().orElseThrow(),
                median(matching.stream().mapToDouble(Run::heapBytes).toArray()),
                matching.stream().mapToInt(Run::maxConnections).max().orElseThrow(),
                median(matching.stream().mapToDouble(Run::totalConnections).toArray()));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Median heap of a side minus the median heap of the H2 databases alone, in bytes; NaN if unknown. */
    private double libraryHeap(String side, int aliases) {
        Point measured = point(side, aliases, "create");
        Point h2 = point("h2only", aliases, "create");
        return measured == null || h2 == null ? Double.NaN : measured.heapBytes() - h2.heapBytes();
    }

    private double time(String side, int aliases) {
        Point measured = point(side, aliases, "create");
        return measured == null ? Double.NaN : measured.timeMillis();
    }

    String section(String conditions) {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append('\n');
        out.append(INTRO);
        out.append("\n### Results\n\n");
        int fewest = runs.stream().filter(run -> run.schema().equals("create")).map(run -> point(run.side(), run.aliases(), "create"))
                .mapToInt(Point::jvms).min().orElse(0);
        smoke = fewest < FULL_RUN_JVMS;
        if (smoke) {
            out.append("> **SMOKE RUN: fewer than ").append(FULL_RUN_JVMS).append(" JVMs per data point.** It shows that the"
                    + " benchmark works; replace it with a full run (`benchmarks/bootstrap.sh` without arguments).\n\n");
        }
        out.append(conditions.strip()).append("\n\n");
        out.append("| aliases | side | JVMs | creation time, median (min–max), s | heap after GC, median, MB"
                + " | H2 alone, MB | library + Hibernate heap, MB | open connections per database, max | total, median |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int aliases : ALIASES) {
            Point h2 = point("h2only", aliases, "create");
            for (String side : List.of("multidb", "plain", "plain-all")) {
                Point measured = point(side, aliases, "create");
                if (measured == null) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %d | %s | %d | %.2f (%.2f–%.2f) | %.1f | %s | %s | %d | %.0f |%n",
                        aliases, label(side, aliases), measured.jvms(), measured.timeMillis() / 1000,
                        measured.minTimeMillis() / 1000, measured.maxTimeMillis() / 1000, measured.heapBytes() / MB,
                        h2 == null ? "n/a" : String.format(Locale.ROOT, "%.1f", h2.heapBytes() / MB),
                        mb(libraryHeap(side, aliases)), measured.maxConnections(), measured.totalConnections()));
            }
        }
        Point lazy = point("multidb", 32, "none");
        if (lazy != null) {
            out.append(String.format(Locale.ROOT, "| 32 | hibernate-multidb, schema generation off | %d | %.2f (%.2f–%.2f) | %.1f"
                            + " | — | — | %d | %.0f |%n", lazy.jvms(), lazy.timeMillis() / 1000, lazy.minTimeMillis() / 1000,
                    lazy.maxTimeMillis() / 1000, lazy.heapBytes() / MB, lazy.maxConnections(), lazy.totalConnections()));
        }
        out.append("\n### Targets\n\n");
        out.append("| target (issue #8) | measured (medians) | ratio of medians | ratio of fastest runs | limit | |\n"
                + "|---|---|---:|---:|---:|---|\n");
        timeRow(out, "32 aliases vs 1 alias: creation time", "multidb 32 / multidb 1", "multidb", 32, "multidb", 1, 1.5);
        heapRow(out, "32 aliases vs 1 alias: library + Hibernate heap", "multidb 32 / multidb 1",
                libraryHeap("multidb", 32), libraryHeap("multidb", 1), 1.2);
        timeRow(out, "vs 32 plain factories, each mapping its share: time", "multidb 32 / plain 32",
                "multidb", 32, "plain", 32, 0.5);
        heapRow(out, "vs 32 plain factories, each mapping its share: heap", "multidb 32 / plain 32",
                libraryHeap("multidb", 32), libraryHeap("plain", 32), 0.25);
        timeRow(out, "vs 32 plain factories, each mapping all 50 types: time", "multidb 32 / plain-all 32",
                "multidb", 32, "plain-all", 32, 0.5);
        heapRow(out, "vs 32 plain factories, each mapping all 50 types: heap", "multidb 32 / plain-all 32",
                libraryHeap("multidb", 32), libraryHeap("plain-all", 32), 0.25);
        Point idle = point("multidb", 32, "create");
        if (idle != null) {
            targets.add(String.join("\t", "#8", "32 idle aliases hold a handful of connections each",
                    "max " + idle.maxConnections() + " per database", "≤ " + HANDFUL,
                    idle.maxConnections() <= HANDFUL ? "**met**" : "**missed**", "bootstrap"));
            out.append(String.format(Locale.ROOT, "| 32 idle aliases hold a handful of connections each | max per database"
                            + " after bootstrap: %d (total %.0f) | — | — | ≤ %d | %s |%n", idle.maxConnections(),
                    idle.totalConnections(), HANDFUL, idle.maxConnections() <= HANDFUL ? "**met**" : "**missed**"));
        }
        out.append(END);
        return out.toString();
    }

    private void timeRow(StringBuilder out, String target, String what, String side, int aliases,
                         String otherSide, int otherAliases, double limit) {
        Point ours = point(side, aliases, "create");
        Point theirs = point(otherSide, otherAliases, "create");
        if (ours == null || theirs == null) {
            out.append("| ").append(target).append(" | not measured | | | | |\n");
            return;
        }
        double ratio = ours.timeMillis() / theirs.timeMillis();
        target(target, ratio, limit);
        out.append(String.format(Locale.ROOT, "| %s | %s: %.2f / %.2f s | %.2f | %.2f | ≤ %.2f | %s |%n", target, what,
                ours.timeMillis() / 1000, theirs.timeMillis() / 1000, ratio, ours.minTimeMillis() / theirs.minTimeMillis(),
                limit, verdict(ratio, limit)));
    }

    private void heapRow(StringBuilder out, String target, String what, double ours, double theirs, double limit) {
        double ratio = ours / theirs;
        target(target, ratio, limit);
        out.append(String.format(Locale.ROOT, "| %s | %s: %.2f / %.2f MB | %.2f | — | ≤ %.2f | %s |%n",
                target, what, ours / MB, theirs / MB, ratio, limit, verdict(ratio, limit)));
    }

    /** A row of the summary of targets (benchmarks/report.py summary). */
    private void target(String what, double ratio, double limit) {
        targets.add(String.join("\t", "#8", "bootstrap: " + what, String.format(Locale.ROOT, "%.2f (medians)", ratio),
                String.format(Locale.ROOT, "≤ %.2f", limit), smoke ? "— (smoke run)" : verdict(ratio, limit), "bootstrap"));
    }

    private static String verdict(double ratio, double limit) {
        return Double.isNaN(ratio) ? "not measured" : ratio <= limit ? "**met**" : "**missed**";
    }

    private static String label(String side, int aliases) {
        return switch (side) {
            case "multidb" -> aliases == 1 ? "hibernate-multidb, 1 factory" : "hibernate-multidb, 1 factory, " + aliases + " aliases";
            case "plain" -> aliases == 1 ? "plain Hibernate, 1 factory" : "plain Hibernate, " + aliases + " factories, each its share";
            case "plain-all" -> aliases == 1 ? "plain Hibernate, 1 factory (all 50 types)"
                    : "plain Hibernate, " + aliases + " factories, each all 50 types";
            default -> side;
        };
    }

    private static String mb(double bytes) {
        return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / MB);
    }

    private static final String INTRO = """
            ## Bootstrap at scale (issue #8)

            What a unit with N aliases of one product costs to start, against the usual alternative of one plain
            Hibernate factory per database. Design budget: one metamodel for all aliases, so time and
            heap close to one alias.

            **What runs.** 50 entity types (`E01`..`E50`, five columns, assigned ids so that no sequence is
            created, `E33`..`E50` with a lazy many-to-one to the type 32 before them) spread over N aliases of H2 in
            memory (`jdbc:h2:mem:a<i>`), type `i` on alias `i mod N`, schema generation `create` on: each database
            gets only its share of the tables. Every data point is a fresh JVM (`BootstrapRun`,
            `-Xmx1g -XX:+UseSerialGC`), so class loading and Hibernate's first-time work are included, as a user
            starting an application sees them.

            - *hibernate-multidb*: one factory, N aliases, routed by `ModuloRouter`; one Hibernate session factory for
              all of them.
            - *plain, each its share*: N `HibernatePersistenceProvider` factories, one per database, each mapping the
              types stored there: the separate-units setup an application would write, and the cheapest plain
              alternative. This is the comparison the targets are checked against first.
            - *plain, each all 50 types*: N factories each mapping every type (one unit, its URL changed per
              database, which is the other common setup; only the share's tables are created). Shown because it is
              what one metamodel per database costs.
            - Plain factories pool with HikariCP (`hibernate-hikaricp`) at `maximumPoolSize` 10, `minimumIdle` 1, the
              defaults of our alias pools.

            **What is measured.** *Creation time*: wall time of building the factories, schema generation included.
            *Heap*: heap used after five `System.gc()` calls (the least), factories still referenced. *H2 alone*: a
            JVM that creates the same databases and tables from the DDL Hibernate generated (H2 `SCRIPT NODATA`,
            replayed with `RUNSCRIPT`), no Hibernate; *library + Hibernate heap* = heap − H2 alone (medians).
            *Connections*: sessions each H2 database has open one second after bootstrap
            (`information_schema.sessions`), i.e. idle pool connections.

            **Connections by default.** A pool per alias starts lazily, on the first connection the alias is
            asked for, and then keeps at most 10 connections and 1 idle one (HikariCP may briefly add a second
            while the first is out). Schema generation asks every alias for a connection, so with it every pool
            starts; without it only the first alias's pool starts (Hibernate detects the dialect through it), see the
            "schema generation off" row. Change the sizes per alias with
            `multidb.databases.<alias>.hikari.maximumPoolSize` and `.minimumIdle` (any HikariCP property works
            there, e.g. `idleTimeout`).

            **Reading the targets.** Verdicts are on medians; on a busy machine the ratio of the fastest runs of
            each point is the steadier view of time, heap is steady either way. A factory with 32 aliases cannot cost
            less than one with 1 alias, which costs about what one plain factory does (the JVM, class loading and
            Hibernate's first-time work are paid once by every side). So "half the time and a quarter of the heap
            of 32 separate factories" is reachable only where 32 factories cost at least twice the time and four
            times the heap of one. Factories that each map all 50 types do; factories that each map their share (one
            or two types at 32 databases) do not, and against them the ratios stay near that floor (multidb with 1 alias
            divided by the 32 plain factories).

            **Reproduce.** `benchmarks/bootstrap.sh` (5 JVMs per data point; `benchmarks/bootstrap.sh 3` for 3;
            `MVN_OFFLINE=1` builds with `mvn -o`, `SKIP_BUILD=1` reuses `benchmarks/target/benchmarks.jar`). It
            writes `benchmarks/results/bootstrap-<UTC time>.txt` and rewrites this section.
            """;
}
