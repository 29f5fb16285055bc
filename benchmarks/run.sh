#!/usr/bin/env bash
# Every benchmark of the project, in one run, rewriting the tables of BENCHMARKS.md:
#   1. JMH (one run, all four benchmarks): EntityManagerBenchmark (#3), MultiDatabaseModeBenchmark (#16) and
#      RelationGuardBenchmark (#4) time
#      their two sides in pairs of operations (Pairs.java); ReplicaReadBenchmark (#5) measures its sides in
#      turn, iteration by iteration;
#   2. bootstrap at scale (#8): benchmarks/bootstrap.sh, 5 fresh JVMs per data point;
#   3. `migrate --all` against one alias after another (#6): liquibase-bridge's MigrateAllBenchmark;
#   4. the summary of every target at the top of BENCHMARKS.md.
# About 30 minutes on 2 cores; run it on a quiet machine (other work skews the ratios).
#
#   benchmarks/run.sh            # full run
#   benchmarks/run.sh smoke      # about 3 minutes: proves everything works, measures nothing
# Results go to benchmarks/results/<UTC time>/ (gitignored). MVN_OFFLINE=1 builds with `mvn -o`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"

mode=${1:-full}
case "$mode" in
    full)  jmh_options=(); bootstrap_jvms=5; migrate_rounds=7 ;;
    smoke) jmh_options=(-f 1 -wi 6 -i 6 -w 300ms -r 300ms); bootstrap_jvms=1; migrate_rounds=1 ;;
    *) echo "usage: benchmarks/run.sh [full|smoke]" >&2; exit 2 ;;
esac

started=$(date +%s)
mvn -B -q ${MVN_OFFLINE:+-o} -pl benchmarks,liquibase-bridge -am package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="benchmarks/results/$stamp"
mkdir -p "$out"
context() {   # the machine's state, for the reports
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
}

echo "== 1/3 JMH ($(date -u +%H:%M:%S))"
java -jar benchmarks/target/benchmarks.jar 'EntityManagerBenchmark|MultiDatabaseModeBenchmark|RelationGuardBenchmark|ReplicaReadBenchmark' \
    "${jmh_options[@]}" -rf json -rff "$out/jmh.json" 2>&1 | tee "$out/jmh.log" | grep -E '^(# Benchmark|# Run progress|Benchmark result)' || true
[[ -s "$out/jmh.json" ]] || { echo "JMH wrote no results; see $out/jmh.log" >&2; exit 1; }
python3 benchmarks/report.py jmh "$out/jmh.json" BENCHMARKS.md --args "${jmh_options[*]}" --context "$(context)"

echo "== 2/3 bootstrap at scale ($(date -u +%H:%M:%S))"
SKIP_BUILD=1 BOOTSTRAP_RESULTS="$out/bootstrap.txt" benchmarks/bootstrap.sh "$bootstrap_jvms" > "$out/bootstrap.log"

echo "== 3/3 migrate --all ($(date -u +%H:%M:%S))"
java -Djava.util.logging.config.file=liquibase-bridge/src/test/resources/logging.properties \
    -cp "liquibase-bridge/target/test-classes:liquibase-bridge/target/classes:$(cat liquibase-bridge/target/test-classpath.txt)" \
    dev.multidb.liquibase.bench.MigrateAllBenchmark h2 postgresql mariadb "$migrate_rounds" \
    > "$out/migrate.txt" 2> "$out/migrate.log"
python3 benchmarks/report.py migrate "$out/migrate.txt" BENCHMARKS.md --context "$(context)"

python3 benchmarks/report.py summary BENCHMARKS.md "$out/jmh.json.targets.tsv" "$out/bootstrap.txt.targets.tsv" \
    "$out/migrate.txt.targets.tsv"
elapsed=$(( $(date +%s) - started ))
echo "All benchmarks ran in $((elapsed / 60)) min $((elapsed % 60)) s; results in $out; BENCHMARKS.md updated."
