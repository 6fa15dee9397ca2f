"""Judge benchmark: prints one JSON object with latency, overhead against raw SQL, throughput.

    python bench/judge.py [--rounds 5] [--clients 16] [--seconds 10]

Runs on its own embedded PostgreSQL (a temporary PGDOJO_HOME unless one is set). Figures:
- p50_ms / p95_ms: verdict latency of the reference solutions of the built-in query, mutation
  and schema problems (all datasets judged, expected outcomes cached, as in a warm server);
  optimize problems, which build large datasets by design, are reported apart.
- ratio_vs_raw: total judge time / total time to execute the same statements raw (as the admin
  role, no classifier, no comparison, one plain transaction per dataset), same server, same run.
- verdicts_per_s: verdicts per second with N concurrent clients sharing one judge.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
from psycopg import sql

from pgdojo.config import Settings
from pgdojo.content import Problem, ProblemKind, load_problems
from pgdojo.engine import EmbeddedServer, Engine
from pgdojo.engine.provision import JUDGE_DB
from pgdojo.tracks.sql import Judge, Sandbox
from pgdojo.tracks.sql.classify import classify


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def run_raw(conn: psycopg.Connection, problem: Problem) -> None:
    """The statements the judge runs for the candidate, executed plainly in the same shape:
    one transaction, the schema once, a savepoint per dataset; no classifier, no sandbox
    role, no limits, no comparison."""
    statements = classify(problem.solution, problem.kind, problem.meta.allow_functions)
    conn.execute("BEGIN")
    conn.execute("CREATE SCHEMA raw_bench")
    conn.execute("SET LOCAL search_path = raw_bench, ext")
    if problem.schema_sql:
        conn.execute(problem.schema_sql.encode())
    for dataset in problem.datasets:
        conn.execute("SAVEPOINT d")
        if problem.kind is not ProblemKind.SCHEMA and dataset.sql:
            conn.execute(dataset.sql.encode())
        for stmt in statements:
            cur = conn.execute(stmt.text.encode())
            if cur.description:
                cur.fetchall()
        if problem.kind is ProblemKind.MUTATION:
            for table in problem.meta.compare_tables:
                conn.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table))).fetchall()
        if problem.kind is ProblemKind.SCHEMA:
            for check in problem.meta.checks:
                if check.case == dataset.name and check.expect != "index":
                    conn.execute("SAVEPOINT c")
                    with contextlib.suppress(psycopg.Error):
                        conn.execute(check.sql.encode())
                    conn.execute("ROLLBACK TO SAVEPOINT c")
        conn.execute("ROLLBACK TO SAVEPOINT d")
    conn.execute("ROLLBACK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()

    home = os.environ.get("PGDOJO_HOME") or tempfile.mkdtemp(prefix="pgdojo-bench-")
    engine = Engine.from_settings(Settings(home=Path(home), user="bench")).start()
    problems = load_problems()
    fast = [p for p in problems.values() if p.kind is not ProblemKind.OPTIMIZE]
    heavy = [p for p in problems.values() if p.kind is ProblemKind.OPTIMIZE]
    sandbox = Sandbox(engine.sandbox_conninfo(), max_size=args.clients)
    judge = Judge(sandbox)
    for problem in problems.values():  # warm: expected outcomes cached, pool connected
        judge.judge(problem, problem.solution)

    latencies: list[float] = []
    judge_total = raw_total = 0.0
    with psycopg.connect(engine.admin_conninfo(JUDGE_DB), autocommit=True) as raw:
        for _ in range(args.rounds):
            for problem in fast:
                started = time.perf_counter()
                result = judge.judge(problem, problem.solution)
                elapsed = time.perf_counter() - started
                assert result.accepted, (problem.id, result.message)
                latencies.append(elapsed * 1000)
                judge_total += elapsed
                started = time.perf_counter()
                run_raw(raw, problem)
                raw_total += time.perf_counter() - started
    heavy_ms = []
    for problem in heavy:
        started = time.perf_counter()
        judge.judge(problem, problem.solution)
        heavy_ms.append((time.perf_counter() - started) * 1000)

    count = 0
    lock = threading.Lock()
    stop = time.perf_counter() + args.seconds

    def client(offset: int) -> None:
        nonlocal count
        i = offset
        while time.perf_counter() < stop:
            problem = fast[i % len(fast)]
            judge.judge(problem, problem.solution)
            i += 1
            with lock:
                count += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    sandbox.close()

    report = {
        "problems": len(fast),
        "samples": len(latencies),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
        "max_ms": round(max(latencies), 2),
        "ratio_vs_raw": round(judge_total / raw_total, 3),
        "verdicts_per_s": round(count / wall, 1),
        "clients": args.clients,
        "cores": os.cpu_count(),
        "optimize_problems": len(heavy),
        "optimize_p50_ms": round(statistics.median(heavy_ms), 1) if heavy_ms else None,
        "postgres": engine.info().version,
    }
    sys.stdout.write(json.dumps(report) + "\n")
    if isinstance(engine.server, EmbeddedServer) and not os.environ.get("PGDOJO_HOME"):
        engine.server.stop()


if __name__ == "__main__":
    main()
