#!/usr/bin/env bash
# Builds the JMH benchmark jar, runs hibernate-multidb against plain Hibernate, writes the JSON results to
# benchmarks/results/ (gitignored) and rewrites the results section of BENCHMARKS.md from them.
#
# Without arguments: the full run, with the defaults of EntityManagerBenchmark's annotations:
#   4 forks per side and workload, 5 x 5 s warm-up, 5 x 4 s measurement, average time in us/op
#   (3 workloads x 2 sides x 4 forks of about 48 s: about 20 minutes on 2 cores).
# Any arguments go to JMH as they are and override those defaults, for example a smoke run:
#   benchmarks/run.sh -f 1 -wi 1 -i 1 -w 1s -r 1s
# or one workload only:
#   benchmarks/run.sh 'EntityManagerBenchmark.find$'
# Set MVN_OFFLINE=1 to build with `mvn -o`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"

mvn -B -q ${MVN_OFFLINE:+-o} -pl benchmarks -am package -DskipTests

mkdir -p benchmarks/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
json="benchmarks/results/jmh-$stamp.json"
log="benchmarks/results/jmh-$stamp.log"

java -jar benchmarks/target/benchmarks.jar -rf json -rff "$json" "$@" 2>&1 | tee "$log"

python3 benchmarks/report.py "$json" BENCHMARKS.md --args "$*"
echo "Results: $json (log: $log); BENCHMARKS.md updated."
