#!/usr/bin/env bash
# Bootstrap at scale (issue #8): creation time, retained heap and idle connections of a hibernate-multidb
# factory with 1, 8 and 32 aliases of H2 in memory, against one plain Hibernate factory per database.
# Every data point runs in a fresh JVM; RUNS of them per point (default 5), interleaved so that a change of
# load on the machine hits every side alike. Writes benchmarks/results/bootstrap-<UTC time>.txt and
# rewrites the section between <!-- bootstrap:begin --> and <!-- bootstrap:end --> of BENCHMARKS.md.
#
#   benchmarks/bootstrap.sh          # full run: 5 JVMs per point, about 4-6 minutes on 2 cores
#   benchmarks/bootstrap.sh 1        # one JVM per point (about a minute): proves it works
# Environment: MVN_OFFLINE=1 builds with `mvn -o`; SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar;
# BOOTSTRAP_NOTE="..." is printed with the run's conditions (e.g. "machine shared with other builds");
# BOOTSTRAP_RESULTS=file names the results file (run.sh's), whose .targets.tsv feeds BENCHMARKS.md's summary.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"

runs=${1:-5}
if [[ -z "${SKIP_BUILD:-}" ]]; then
    mvn -B -q ${MVN_OFFLINE:+-o} -pl benchmarks -am package -DskipTests
fi
# The JVMs run from a copy, so that a rebuild of the module during the run cannot change what they load.
mkdir -p benchmarks/target/bootstrap
jar=benchmarks/target/bootstrap/benchmarks.jar
cp benchmarks/target/benchmarks.jar "$jar"

mkdir -p benchmarks/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=${BOOTSTRAP_RESULTS:-benchmarks/results/bootstrap-$stamp.txt}
ddl="benchmarks/target/bootstrap/ddl"
jvm=(java -Xmx1g -XX:+UseSerialGC -Dorg.jboss.logging.provider=slf4j -cp "$jar")
run_class=dev.multidb.benchmarks.bootstrap.BootstrapRun

point() {   # side aliases [options]: one fresh JVM, its RESULT line appended to the results
    local line
    line=$("${jvm[@]}" "$run_class" "$@" | grep '^RESULT ')
    echo "$line" | tee -a "$results"
}

started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# The DDL each database gets, for the H2-only baseline; not counted (also brings the jar into the page cache).
for aliases in 1 8 32; do
    "${jvm[@]}" "$run_class" multidb "$aliases" --ddl "$ddl/$aliases" > /dev/null
done

for ((run = 1; run <= runs; run++)); do
    for aliases in 1 8 32; do
        point multidb "$aliases"
        point plain "$aliases"
        point plain-all "$aliases"
        point h2only "$aliases" --ddl "$ddl/$aliases"
    done
done
point multidb 32 --schema none

elapsed=$(( $(date +%s) - started ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
conditions="Run of $(date -u '+%Y-%m-%d %H:%M UTC'): $runs fresh JVMs per data point, interleaved;"
conditions+=" $(nproc) cores, $(java -version 2>&1 | head -1), JVM options \`${jvm[*]:1:3}\`;"
conditions+=" load average before $load_before, after $load_after; the whole run took $((elapsed / 60)) min $((elapsed % 60)) s."
if [[ -n "${BOOTSTRAP_NOTE:-}" ]]; then
    conditions+=" **$BOOTSTRAP_NOTE**"
fi

"${jvm[@]}" dev.multidb.benchmarks.bootstrap.BootstrapReport "$results" BENCHMARKS.md "$conditions" > /dev/null
echo "Results: $results; BENCHMARKS.md (bootstrap section) updated in $elapsed s."
