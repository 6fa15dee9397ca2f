"""Content packs through the CLI: pg_dump data, a large sample, and content that breaks."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import pgdojo
from tests.tracks.sql.packs import write_problem

SCHEMA = "CREATE TABLE readings (id integer PRIMARY KEY, sensor text NOT NULL, value integer);"


def test_a_large_sample_shows_its_head_and_its_expected_head(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    rows = "".join(f"{i}\ts{i % 7}\t{i % 100}\n" for i in range(1, 3001))
    write_problem(
        tmp_path / "pack",
        "pack-large-sample",
        schema=SCHEMA,
        solution="SELECT id, value FROM readings WHERE value > 10",
        datasets={
            "sample": f"COPY readings (id, sensor, value) FROM stdin;\n{rows}\\.\n",
            "a": "INSERT INTO readings VALUES (1, 'x', 11);",
            "b": "INSERT INTO readings VALUES (1, 'x', 10);",
            "c": "-- no rows",
        },
    )
    out = pgdojo(
        cli_env, "--content", str(tmp_path / "pack"), "sql", "show", "pack-large-sample", "--json"
    )
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["sample_sql_lines"] > 3000 and shown["sample_sql"].count("\n") < 100
    expected = shown["sample_expected"]
    assert expected["total_rows"] == 2670 and len(expected["rows"]) == 50
    human = pgdojo(cli_env, "--content", str(tmp_path / "pack"), "sql", "show", "pack-large-sample")
    assert "the first 50 of 2670 rows" in human.stdout


def test_a_broken_dataset_is_a_clear_json_error(cli_env: dict[str, str], tmp_path: Path) -> None:
    write_problem(
        tmp_path / "pack",
        "pack-broken-data",
        schema=SCHEMA,
        solution="SELECT id FROM readings",
        datasets={
            "sample": "INSERT INTO readings (id, sensor, no_such_column) VALUES (1, 'x', 2);",
            "a": "INSERT INTO readings VALUES (1, 'x', 11);",
            "b": "-- no rows",
            "c": "-- no rows",
        },
    )
    out = pgdojo(
        cli_env,
        "--content",
        str(tmp_path / "pack"),
        "sql",
        "judge",
        "pack-broken-data",
        "-",
        "--json",
        stdin="SELECT id FROM readings",
    )
    assert out.returncode in (1, 3), out.stderr
    body = json.loads(out.stdout)
    assert "Traceback" not in out.stderr
    text = json.dumps(body)
    assert "sample.sql" in text and "no_such_column" in text
