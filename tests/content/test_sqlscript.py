"""Content SQL files: psql includes and pg_dump's COPY ... FROM stdin blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pgdojo.content.loader import read_sql
from pgdojo.errors import ContentError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_copy_text_format_becomes_inserts_with_nulls_and_escapes(tmp_path: Path) -> None:
    data = write(
        tmp_path / "p" / "datasets" / "sample.sql",
        "COPY cd.members (memid, surname, note) FROM stdin;\n"
        "0\tGUEST\t\\N\n"
        "1\tO'Smith\ttab\\there\\\\back\n"
        "\\.\n"
        "SELECT 1;\n",
    )
    sql = read_sql(data, tmp_path)
    assert "INSERT INTO cd.members (memid, surname, note) VALUES" in sql
    assert "('0', 'GUEST', NULL)" in sql
    assert "('1', 'O''Smith', 'tab\there\\back')" in sql
    assert sql.rstrip().endswith("SELECT 1;")


def test_copy_csv_with_header(tmp_path: Path) -> None:
    data = write(
        tmp_path / "d.sql",
        'COPY t (a, b) FROM stdin WITH (FORMAT csv, HEADER);\na,b\n1,"x, y"\n2,\n\\.\n',
    )
    sql = read_sql(data, tmp_path)
    assert "('1', 'x, y'),\n('2', NULL)" in sql


def test_copy_rows_are_batched(tmp_path: Path) -> None:
    rows = "".join(f"{i}\n" for i in range(1200))
    data = write(tmp_path / "d.sql", f"COPY t (a) FROM stdin;\n{rows}\\.\n")
    assert read_sql(data, tmp_path).count("INSERT INTO t (a) VALUES") == 3


def test_include_is_relative_to_the_including_file(tmp_path: Path) -> None:
    write(tmp_path / "shared" / "members.sql", "INSERT INTO members VALUES (1);")
    sample = write(tmp_path / "p" / "datasets" / "sample.sql", "\\ir ../../shared/members.sql\n")
    variant = write(
        tmp_path / "p" / "datasets" / "more.sql", "\\ir sample.sql\nINSERT INTO members VALUES (2);"
    )
    assert read_sql(sample, tmp_path) == "INSERT INTO members VALUES (1);"
    assert read_sql(variant, tmp_path).split("\n") == [
        "INSERT INTO members VALUES (1);",
        "INSERT INTO members VALUES (2);",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("\\ir ../../outside.sql\n", "outside the pack"),
        ("\\ir d.sql\n", "includes itself"),
        ("\\ir missing.sql\n", "file is missing"),
        ("\\copy t from 'x'\n", "unsupported psql command"),
        ("COPY t (a) FROM stdin;\n1\n", "no ending"),
        ("COPY t (a) FROM stdin WITH (FORMAT binary);\n\\.\n", "not supported: binary"),
        ("COPY t (a, b) FROM stdin;\n1\t2\n3\n\\.\n", "different numbers of columns"),
    ],
)
def test_bad_scripts_name_the_file_and_line(tmp_path: Path, text: str, reason: str) -> None:
    data = write(tmp_path / "pack" / "d.sql", text)
    with pytest.raises(ContentError) as caught:
        read_sql(data, tmp_path / "pack")
    assert reason in str(caught.value)
    assert "d.sql" in str(caught.value)
