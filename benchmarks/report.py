#!/usr/bin/env python3
"""Rewrites the results section of BENCHMARKS.md from one JMH JSON result file.

Usage: report.py RESULT.json BENCHMARKS.md [--args "JMH arguments of the run"]

Only the text between the markers <!-- results:begin --> and <!-- results:end --> is replaced. A run with
fewer forks, warm-up or measurement than the full run (4 forks, >= 25 s warm-up, >= 20 s measurement) is
labelled a smoke run whose numbers mean nothing.
"""
import argparse
import datetime
import json
import math
import os
import re
import subprocess
import sys

BEGIN = "<!-- results:begin -->"
END = "<!-- results:end -->"
TARGET = 1.03
FULL_FORKS = 4
FULL_WARMUP_S = 25
FULL_MEASUREMENT_S = 20
WORKLOADS = [  # (JMH method, label)
    ("find", "`find` by id (new EM, find, close)"),
    ("persistAndCommit", "`persist` + commit (new EM, begin, persist, commit, close)"),
    ("select100", "100-row JPQL select (new EM, query, close)"),
]
SIDES = ("plain", "multidb")


def seconds(text):
    """'5 s' -> 5.0, '500 ms' -> 0.5 (JMH's TimeValue format)."""
    match = re.fullmatch(r"\s*([\d.]+)\s*(ns|us|ms|s|min|hr)\s*", text)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1, "min": 60, "hr": 3600}[unit]


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def java_version(jvm):
    try:
        done = subprocess.run([jvm, "-version"], capture_output=True, text=True, check=False)
        return (done.stderr or done.stdout).splitlines()[0].strip()
    except (OSError, IndexError):
        return "unknown"


def fmt(score, error):
    if math.isnan(error):
        return f"{score:.2f} ± n/a"
    return f"{score:.2f} ± {error:.2f}"


def verdict(ratio, error, smoke):
    if smoke:
        return "— (smoke run)"
    if math.isnan(error):
        return "unclear (no error estimate)"
    if ratio + error <= TARGET:
        return "yes"
    if ratio - error > TARGET:
        return "**no**"
    return "unclear (interval spans 1.03)"


def section(results, args):
    first = results[0]
    forks = first["forks"]
    warmup = first["warmupIterations"] * seconds(first["warmupTime"])
    measurement = first["measurementIterations"] * seconds(first["measurementTime"])
    smoke = forks < FULL_FORKS or warmup < FULL_WARMUP_S or measurement < FULL_MEASUREMENT_S
    unit = first["primaryMetric"]["scoreUnit"]
    cores = os.cpu_count()
    try:
        cores = int(subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout)
    except (OSError, ValueError, subprocess.CalledProcessError):
        pass
    java = java_version(first["jvm"])
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    scores = {}
    for result in results:
        method = result["benchmark"].rsplit(".", 1)[1]
        side = result.get("params", {}).get("side")
        metric = result["primaryMetric"]
        scores[(method, side)] = (metric["score"], number(metric["scoreError"]))

    lines = []
    if smoke:
        lines += [
            "> **SMOKE RUN: these numbers are NOT meaningful.** They only show that the build and the",
            "> benchmarks work. Replace them with a full run (`benchmarks/run.sh` without arguments).",
            "",
        ]
    lines += [
        f"Run of {date}: {forks} fork(s) per side and workload, warm-up "
        f"{first['warmupIterations']} × {first['warmupTime']}, measurement "
        f"{first['measurementIterations']} × {first['measurementTime']}, mode {first['mode']}, "
        f"JMH {first['jmhVersion']}, JVM options `{' '.join(first.get('jvmArgs', []))}`"
        + (f", run.sh arguments `{args}`" if args else ", run.sh without arguments") + ".",
        "",
        f"Scores are {unit} (lower is better) ± JMH's 99.9% confidence half-width; the ratio's ± is that of "
        "both scores, combined as relative errors.",
        "",
        f"| workload | plain Hibernate ({unit}) | hibernate-multidb ({unit}) | ratio multidb/plain "
        f"| ratio ≤ {TARGET} | nproc | java -version | date |",
        "|---|---:|---:|---:|---|---:|---|---|",
    ]
    for method, label in WORKLOADS:
        if (method, "plain") not in scores or (method, "multidb") not in scores:
            lines.append(f"| {label} | not run | not run | | | {cores} | {java} | {date} |")
            continue
        plain, plain_error = scores[(method, "plain")]
        multidb, multidb_error = scores[(method, "multidb")]
        ratio = multidb / plain
        error = ratio * math.sqrt((plain_error / plain) ** 2 + (multidb_error / multidb) ** 2)
        shown_ratio = f"{ratio:.3f}" + ("" if math.isnan(error) else f" ± {error:.3f}")
        lines.append(f"| {label} | {fmt(plain, plain_error)} | {fmt(multidb, multidb_error)} | {shown_ratio} "
                     f"| {verdict(ratio, error, smoke)} | {cores} | {java} | {date} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("result")
    parser.add_argument("markdown")
    parser.add_argument("--args", default="")
    options = parser.parse_args()

    with open(options.result, encoding="utf-8") as file:
        results = json.load(file)
    if not results:
        sys.exit(f"{options.result} holds no results: did JMH run any benchmark?")
    with open(options.markdown, encoding="utf-8") as file:
        text = file.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{options.markdown} lacks the markers {BEGIN} and {END}")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    text = head + BEGIN + "\n" + section(results, options.args.strip()) + "\n" + END + tail
    with open(options.markdown, "w", encoding="utf-8") as file:
        file.write(text)


if __name__ == "__main__":
    main()
