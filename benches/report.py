"""Writes the scale run's Markdown report from the files benches/scale.sh leaves in its work
directory. Usage: report.py WORK COUNT BUILD_S BUILD_RSS_MB INDEX_MB SERVER_RSS_MB PG_INDEX_S PG_MB"""

import datetime
import os
import platform
import re
import statistics
import subprocess
import sys

work, count = sys.argv[1], int(sys.argv[2])
build_s, build_rss, index_mb, server_rss, pg_index_s, pg_mb = (float(a) for a in sys.argv[3:9])


def read(name):
    path = os.path.join(work, name)
    return open(path).read() if os.path.exists(path) else ""


def command(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def machine():
    model = re.search(r"Model name:\s*(.+)", command("lscpu"))
    memory = re.search(r"MemTotal:\s*(\d+)", read_file("/proc/meminfo"))
    return (
        f"{model.group(1).strip() if model else platform.processor()}, {os.cpu_count()} cores, "
        f"{int(memory.group(1)) / 1048576:.0f} GiB RAM, Linux {platform.release()}, {command('rustc', '--version')}"
    )


def read_file(path):
    try:
        return open(path).read()
    except OSError:
        return ""


def pg_version():
    found = re.search(r"(\d+\.\d+)", command("psql", "--version"))
    return found.group(1) if found else "?"


def table_rows(markdown):
    """Rows of a Markdown table as lists of cells (header and rule skipped)."""
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def ms(cell):
    match = re.match(r"([\d.]+) ms", cell)
    return float(match.group(1)) if match else float("nan")


def wrk(text):
    rate = re.search(r"Requests/sec:\s*([\d.]+)", text)
    percentiles = dict(re.findall(r"^\s*(50|75|90|99)%\s+([\d.]+\w+)", text, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    total = re.search(r"(\d+) requests in", text)

    def to_ms(value):
        number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}.get(unit, float("nan"))

    return {
        "rate": float(rate.group(1)) if rate else float("nan"),
        "p50": to_ms(percentiles["50"]) if "50" in percentiles else float("nan"),
        "p99": to_ms(percentiles["99"]) if "99" in percentiles else float("nan"),
        "errors": int(errors.group(1)) if errors else 0,
        "requests": int(total.group(1)) if total else 0,
        # Tags answered 200 rather than 201: the label was already there, nothing was written.
        "unchanged": len(re.findall(r"^tag status 200", text, re.M)),
    }


latency = {row[0]: row for row in table_rows(read("latency.md"))}
# The same needs timed after the build, after the HTTP run and at the end (see scale.sh).
TIMINGS = ("after the build", "after the HTTP run", "at the end")
timings = [{row[0]: row for row in table_rows(read(name))} for name in ("latency.md", "latency-2.md", "latency-3.md")]
peer = {row[0]: row for row in table_rows(read("peer.md"))}
# Load runs at 2, 4 and 8 connections. The HTTP targets ask for a rate and a p99 at once, so they
# are judged at the busiest level that holds p99 ≤ 20 ms, or at 8 connections when none does.
levels = {c: (wrk(read(f"shortlists-c{c}.wrk")), wrk(read(f"tags-c{c}.wrk"))) for c in (2, 4, 8)}
holding = [c for c, (run, _) in levels.items() if run["requests"] and run["p99"] <= 20]
judged_at = max(holding, key=lambda c: levels[c][0]["rate"]) if holding else 8
load, tags = levels[judged_at]


def verdict(ok):
    return "met" if ok else "**missed**"


def p50(name, timing=None):
    timing = latency if timing is None else timing
    return ms(timing[name][3]) if name in timing else float("nan")


def p99_ratio(name):
    return float(latency[name][6]) if name in latency else float("nan")


def share(name, timing):
    """The near-miss share of `name` in one timing, in per cent."""
    return float(timing[name][8].replace("%", "").replace("+", "")) if name in timing else float("nan")


def shares(name):
    return [share(name, timing) for timing in timings if name in timing]


def overhead(name):
    """The median near-miss share of `name` over the timings."""
    return statistics.median(shares(name)) if shares(name) else float("nan")


def ratio(name):
    return float(peer[name][5].rstrip("×")) if name in peer else float("nan")


targets = [
    ("Selective need p50", "≤ 1 ms", f"{p50('selective'):.2f} ms", p50("selective") <= 1.0),
    ("Broad need (~5 % qualify) p50", "≤ 5 ms", f"{p50('broad'):.2f} ms", p50("broad") <= 5.0),
    ("Rank everyone p50", "≤ 15 ms", f"{p50('everyone'):.2f} ms", p50("everyone") <= 15.0),
]
for name in ("selective", "broad", "everyone"):
    targets.append((f"{name}: p99 / p50", "≤ 3", f"{p99_ratio(name):.1f}", p99_ratio(name) <= 3.0))
for name in ("selective", "broad", "everyone"):
    measured = f"{overhead(name):+.1f} % (median of {len(shares(name))})"
    targets.append((f"{name}: near misses and relaxation add", "≤ 20 %", measured, overhead(name) <= 20))
same_top_k = all(row[2] == "yes" for row in peer.values()) and bool(peer)
targets += [
    ("Faster than PostgreSQL, broad need", "≥ 50×", f"{ratio('broad'):.0f}×", ratio("broad") >= 50),
    ("Identical deterministic top-k", "all needs", "yes" if same_top_k else "no", same_top_k),
    (
        f"HTTP selective shortlists/s, with tag writes ({judged_at} connections)",
        "≥ 1,000",
        f"{load['rate']:.0f}",
        load["rate"] >= 1000,
    ),
    (f"HTTP p99 ({judged_at} connections)", "≤ 20 ms", f"{load['p99']:.1f} ms", load["p99"] <= 20),
    (f"Index build, {count:,} candidates", "≤ 30 s for 1M", f"{build_s:.1f} s", build_s <= 30),
    ("Server peak RSS", "≤ 1.5 GiB", f"{server_rss / 1024:.2f} GiB", server_rss <= 1536),
]

out = []
out.append(f"# jobbmatch at national scale: {count:,} candidates\n")
out.append(
    f"Measured {datetime.date.today().isoformat()} on {machine()}, by `bash benches/scale.sh` "
    "(see its header for what it does). Figures are from one run on a shared 2-core virtual machine: "
    "quote them as medians and ratios, not as absolutes.\n"
)
out.append("## Targets\n")
out.append("| target | wanted | measured | |\n|---|---|---|---|")
for name, wanted, measured, ok in targets:
    out.append(f"| {name} | {wanted} | {measured} | {verdict(ok)} |")
out.append("")
out.append("## Index\n")
out.append(
    f"Build from JSON Lines: {build_s:.1f} s ({count / build_s:,.0f} profiles/s), peak RSS {build_rss:,.0f} MB, "
    f"index {index_mb:,.0f} MB on disk.\n"
)
out.append("## Latency, one shortlist at a time (top 10, with explanations)\n")
out.append(
    "`cold` is the first run of the need after the server opened the index (its terms' bitsets and "
    "must-have sets not yet cached); the percentiles are the runs after it. Without near misses means "
    "without the ten near misses and the relaxation counts.\n"
)
out.append(read("latency.md"))
out.append(
    "The VM has slow and fast phases minutes long, and near misses cost memory look-ups, which slow "
    "phases slow most. So the same needs are timed three times in the run, on the same index, and the "
    "near-miss target is judged on the median share (the table above is the first timing):\n"
)
out.append("| need | " + " | ".join(TIMINGS) + " | median |\n|---|" + "---:|" * (len(TIMINGS) + 1))
for name in ("selective", "broad", "everyone"):
    cells = [f"{p50(name, timing):.2f} ms, {share(name, timing):+.1f} %" for timing in timings]
    out.append(f"| {name} | " + " | ".join(cells) + f" | {overhead(name):+.1f} % |")
out.append("")
out.append("The eleven pilot needs (fixtures/needs), 50 runs each:\n")
out.append(read("pilot.md"))
out.append("## Over HTTP, while veiledere write tags\n")
out.append(
    "wrk (2 threads) posts the selective need over 2, 4 and 8 connections in turn, on the same 2 cores "
    "as the server; beside each run, 2 more connections add tags (each waits 100 ms between tags). Tags "
    "are durable when answered (write-ahead log) and visible in shortlists within the committer's 200 ms. "
    "The targets ask for a rate and a p99 together, so they are judged at the busiest level whose p99 "
    f"holds 20 ms (8 connections if none does): {judged_at} connections, {load['requests']:,} shortlists "
    f"({load['errors']} non-2xx) and {tags['requests']:,} tags ({tags['errors']} non-2xx, "
    f"{tags['unchanged']} without a write). More connections than cores only queue: p99 grows with them.\n"
)
out.append("| connections | shortlists/s | p50 | p99 | tags written | tag p99 |\n|---:|---:|---:|---:|---:|---:|")
for connections, (run, beside) in levels.items():
    if run["requests"]:
        out.append(
            f"| {connections} | {run['rate']:,.0f} | {run['p50']:.2f} ms | {run['p99']:.2f} ms | "
            f"{beside['requests']:,} | {beside['p99']:.1f} ms |"
        )
out.append(f"\nServer peak RSS over the whole run: {server_rss:,.0f} MB.\n")
out.append("## PostgreSQL side by side\n")
out.append(
    f"PostgreSQL {pg_version()} on a "
    "temporary cluster (Unix socket, shared_buffers 2 GB, work_mem 256 MB, 2 parallel workers), the same "
    f"candidates as one row each with a `text[]` per profile field holding the terms tantivy indexed, a GIN "
    f"index per column ({pg_index_s:.0f} s to build; table and indexes {pg_mb:,.0f} MB). Each need's "
    "deterministic core (exact words only: no synonyms, compound parts or typos; no distance, hours or "
    "dates) runs as the SQL a competent developer would write: must-haves as `@>` conditions in WHERE "
    "(served by the GIN indexes), wishes as a weighted `CASE` sum in `real` arithmetic in the same order "
    "as jobbmatch, `ORDER BY score DESC, id LIMIT k`. Both must return the same ids and the same scores. "
    "PostgreSQL's time is its own `EXPLAIN ANALYZE` execution time (no client round trip, which favours "
    "it); jobbmatch's is the whole shortlist with explanations, near misses off.\n"
)
out.append(read("peer.md"))
out.append(open(os.path.join(os.path.dirname(__file__), "limits.md")).read())
print("\n".join(out))
