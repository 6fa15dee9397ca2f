"""Judge benchmark: prints one JSON object with latency, overhead against raw SQL, throughput.

    python bench/judge.py [--rounds 5] [--clients 16] [--seconds 10]

Runs on its own embedded PostgreSQL (a temporary PGDOJO_HOME unless one is set). Figures:
- p50_ms / p95_ms: verdict latency of the reference solutions of the built-in query, mutation
  and schema problems (all datasets judged, expected outcomes cached, as in a warm server);
  optimize problems, which build large datasets by design, are reported apart.
- ratio_vs_raw: total judge time / total time to execute the same statements raw (as the admin
  role, no classifier, no comparison, one plain transaction per dataset), same server, same run.
- verdicts_per_s: verdicts per second with N concurrent clients sharing one judge, and the
  CPU each verdict cost the judge process and the server (figures other load cannot move);
  throughput_vs_raw: verdicts_per_s / raw_runs_per_s, the raw statements run from as many
  connections as the judge's pool holds, same server, same run (machines differ: on one with
  a third of the speed of another, every figure per second is a third).
Each is measured twice in the run: `in_place`, the judge as pgdojo builds it (query problems'
datasets materialised once and read in place), and `loading`, every dataset loaded per
judging.
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
from collections.abc import Callable
from pathlib import Path

import psycopg
from psycopg import sql

from pgdojo.config import Settings
from pgdojo.content import Problem, ProblemKind, load_problems
from pgdojo.engine import EmbeddedServer, Engine
from pgdojo.engine.provision import JUDGE_DB
from pgdojo.tracks.sql import Judge, Sandbox
from pgdojo.tracks.sql.classify import classify
from pgdojo.tracks.sql.datasets import DatasetStore, in_place


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def run_raw(conn: psycopg.Connection, problem: Problem, schema: str = "raw_bench") -> None:
    """The statements the judge runs for the candidate, executed plainly in the same shape:
    one transaction, the schema once, a savepoint per dataset; no classifier, no sandbox
    role, no limits, no comparison."""
    statements = classify(problem.solution, problem.kind, problem.meta.allow_functions)
    conn.execute("BEGIN")
    conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    conn.execute(sql.SQL("SET LOCAL search_path = {}, ext").format(sql.Identifier(schema)))
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


def server_cpu_s(engine: Engine) -> float | None:
    """CPU seconds the embedded server has used: the postmaster, its live children and the
    children it has reaped (Linux /proc); None elsewhere."""
    server = engine.server
    if not isinstance(server, EmbeddedServer):
        return None
    try:
        postmaster = int((server.pgdata / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid, ppid = int(entry.name), int(fields[1])
            if pid == postmaster:
                total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
            elif ppid == postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / tick
    except (OSError, ValueError, IndexError):
        return None


Body = Callable[[int, float], int]  # (thread number, stop time) -> operations completed


def run_threads(threads: int, seconds: float, body: Body) -> tuple[int, float]:
    """Run `body(number, stop)` in `threads` threads at once until `stop` (perf_counter);
    each returns how many operations it completed. The total, and the wall time taken."""
    stop = time.perf_counter() + seconds
    done: list[int] = []
    workers = [
        threading.Thread(target=lambda n=n: done.append(body(n, stop))) for n in range(threads)
    ]
    started = time.perf_counter()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return sum(done), time.perf_counter() - started


def raw_throughput(engine: Engine, fast: list[Problem], sessions: int, seconds: float) -> float:
    """Runs of `run_raw` per second from `sessions` connections at once (as many as the judge's
    pool holds): what the engine does with the same statements and no judge, on this machine,
    in this run: the baseline for verdicts_per_s."""

    def session(number: int, stop: float) -> int:
        with psycopg.connect(engine.admin_conninfo(JUDGE_DB), autocommit=True) as conn:
            i = number
            while time.perf_counter() < stop:
                run_raw(conn, fast[i % len(fast)], f"raw_bench_{number}")
                i += 1
        return i - number

    run_threads(sessions, min(3.0, seconds), session)  # warm, as the judge is
    count, wall = run_threads(sessions, seconds, session)
    return count / wall


def measure(
    engine: Engine,
    judge: Judge,
    fast: list[Problem],
    rounds: int,
    clients: int,
    seconds: float,
    raw: psycopg.Connection,
    raw_per_s: float,
) -> dict[str, object]:
    """One judge's figures: sequential latency against raw SQL, then N clients' throughput."""
    for problem in fast:  # warm: expected outcomes cached, datasets materialised, pool open
        judge.judge(problem, problem.solution)
    latencies: list[float] = []
    judge_total = raw_total = 0.0
    for _ in range(rounds):
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

    def client(offset: int, stop: float) -> int:
        i = offset
        while time.perf_counter() < stop:
            problem = fast[i % len(fast)]
            # A comment of its own makes every submission's text unique: no cache keyed on
            # the text can make a repeated submission cheaper than a new one.
            judge.judge(problem, f"{problem.solution}\n-- client {offset} run {i}\n")
            i += 1
        return i - offset

    # Warm with every client at once first: the pool's connections open, their backends'
    # catalog caches fill, as in a server that has been judging for a while.
    run_threads(clients, min(3.0, seconds), client)
    cpu_before, server_before = time.process_time(), server_cpu_s(engine)
    count, wall = run_threads(clients, seconds, client)
    cpu, server_after = time.process_time() - cpu_before, server_cpu_s(engine)
    server_cpu = (
        server_after - server_before
        if server_after is not None and server_before is not None
        else None
    )
    return {
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
        "max_ms": round(max(latencies), 2),
        "ratio_vs_raw": round(judge_total / raw_total, 3),
        "verdicts_per_s": round(count / wall, 1),
        "throughput_vs_raw": round(count / wall / raw_per_s, 3),
        # CPU per verdict (the judge process and the server): what the throughput costs,
        # unlike verdicts_per_s, unmoved by other load on the machine.
        "judge_cpu_ms_per_verdict": round(cpu * 1000 / count, 2),
        "server_cpu_ms_per_verdict": (
            round(server_cpu * 1000 / count, 2) if server_cpu is not None else None
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument(
        "--pool", type=int, default=None, help="sandbox connections (default: pgdojo's)"
    )
    args = parser.parse_args()

    home = os.environ.get("PGDOJO_HOME") or tempfile.mkdtemp(prefix="pgdojo-bench-")
    engine = Engine.from_settings(Settings(home=Path(home), user="bench")).start()
    problems = load_problems()
    fast = [p for p in problems.values() if p.kind is not ProblemKind.OPTIMIZE]
    heavy = [p for p in problems.values() if p.kind is ProblemKind.OPTIMIZE]
    datasets = DatasetStore(engine.admin_conninfo(JUDGE_DB))
    # The judge as pgdojo builds it, and the same judge loading every dataset per judging
    # (the way every dataset was judged before datasets were materialised), in the same run.
    pool = {"max_size": args.pool} if args.pool else {}
    judges = {
        "in_place": Sandbox(engine.sandbox_conninfo(), datasets=datasets, **pool),
        "loading": Sandbox(engine.sandbox_conninfo(), **pool),
    }
    pool_size = args.pool or judges["loading"].pool.max_size
    report: dict[str, object] = {
        "problems": len(fast),
        "query_problems": sum(in_place(p) for p in fast),
        "samples": args.rounds * len(fast),
        "clients": args.clients,
        "pool": pool_size,
        "cores": os.cpu_count(),
    }
    raw_per_s = raw_throughput(engine, fast, pool_size, args.seconds)
    report["raw_runs_per_s"] = round(raw_per_s, 1)
    with psycopg.connect(engine.admin_conninfo(JUDGE_DB), autocommit=True) as raw:
        for name, sandbox in judges.items():
            report[name] = measure(
                engine,
                Judge(sandbox),
                fast,
                args.rounds,
                args.clients,
                args.seconds,
                raw,
                raw_per_s,
            )
    judge = Judge(judges["in_place"])
    heavy_ms = []
    for problem in heavy:
        judge.judge(problem, problem.solution)  # warm: the reference's outcomes cached
        started = time.perf_counter()
        judge.judge(problem, problem.solution)
        heavy_ms.append((time.perf_counter() - started) * 1000)
    for sandbox in judges.values():
        sandbox.close()
    report.update(
        optimize_problems=len(heavy),
        optimize_p50_ms=round(statistics.median(heavy_ms), 1) if heavy_ms else None,
        postgres=engine.info().version,
    )
    sys.stdout.write(json.dumps(report) + "\n")
    if isinstance(engine.server, EmbeddedServer) and not os.environ.get("PGDOJO_HOME"):
        engine.server.stop()


if __name__ == "__main__":
    main()
