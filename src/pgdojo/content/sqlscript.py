"""Content SQL files as one script: includes expanded, COPY ... FROM stdin data made INSERTs.

A problem's schema.sql and dataset files may use two things from psql and pg_dump:

- `\\ir path` on a line of its own includes another file, relative to the including file
  (psql's meaning), anywhere inside the content pack: problems share a data file, and a
  hidden case can be "the sample plus a change" (`\\ir sample.sql`, then an UPDATE).
- `COPY table [(columns)] FROM stdin;` followed by data lines and a `\\.` line, the format
  of pg_dump's plain output, in text (tab-separated, `\\N` for NULL, backslash escapes) or CSV
  (`WITH (FORMAT csv[, HEADER])`). The judge runs every script as one message of SQL, so the
  data becomes INSERT ... VALUES statements of untyped literals, which PostgreSQL types by
  the target columns, exactly as COPY would.

Errors name the file and line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from pgdojo.errors import ContentError

# Reads one file's text (loader.read_content: a missing or unreadable file is a ContentError).
Reader = Callable[[Path], str]

INSERT_BATCH = 500
_INCLUDE = re.compile(r"^\\ir\s+(?P<path>'[^']+'|\S+)\s*$")
_COPY = re.compile(
    r"^COPY\s+(?P<table>[\w.\"]+)\s*(?:\((?P<columns>[^)]*)\))?\s+FROM\s+stdin"
    r"(?P<options>[^;]*);\s*$",
    re.IGNORECASE,
)
_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def expand_sql_script(path: Path, root: Path, read: Reader) -> str:
    """The file at `path` as plain SQL; includes may not leave `root` (the content pack)."""
    return _expand(path, root.resolve(), (), read)


def _expand(path: Path, root: Path, stack: tuple[Path, ...], read: Reader) -> str:
    text = read(path)
    resolved = path.resolve()
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("\\"):
            include = _INCLUDE.match(stripped)
            if not include:
                raise ContentError(
                    f"{path}:{i + 1}",
                    f"unsupported psql command {stripped.split()[0]!r} (only \\ir <file>)",
                )
            target = (path.parent / include["path"].strip("'")).resolve()
            if not target.is_relative_to(root):
                raise ContentError(f"{path}:{i + 1}", f"{include['path']} is outside the pack")
            if target in (resolved, *stack):
                raise ContentError(f"{path}:{i + 1}", f"{include['path']} includes itself")
            if not target.is_file():
                raise ContentError(f"{path}:{i + 1}", f"{include['path']}: file is missing")
            out.append(_expand(target, root, (*stack, resolved), read))
            i += 1
            continue
        copy = _COPY.match(stripped)
        if copy:
            end = next((j for j in range(i + 1, len(lines)) if lines[j] == "\\."), None)
            if end is None:
                raise ContentError(f"{path}:{i + 1}", "COPY data has no ending \\. line")
            out.append(_copy_to_inserts(copy, lines[i + 1 : end], f"{path}:{i + 1}"))
            i = end + 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _copy_to_inserts(copy: re.Match[str], data: list[str], where: str) -> str:
    options = copy["options"].strip().lower()
    options = re.sub(r"^with\s*", "", options).strip("() ")
    words = [w for w in re.split(r"[\s,]+", options) if w]
    csv_format = "csv" in words
    unknown = set(words) - {"format", "csv", "text", "header", "true"}
    if unknown:
        raise ContentError(where, f"COPY option(s) not supported: {', '.join(sorted(unknown))}")
    if csv_format:
        rows: list[list[str | None]] = [
            [v if v != "" else None for v in r] for r in csv.reader(data) if r
        ]
        if "header" in words:
            rows = rows[1:]
    else:
        rows = [[_text_value(v, where) for v in line.split("\t")] for line in data]
    columns = f" ({copy['columns']})" if copy["columns"] else ""
    widths = {len(r) for r in rows}
    if len(widths) > 1:
        raise ContentError(where, f"COPY rows have different numbers of columns: {sorted(widths)}")
    statements = []
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start : start + INSERT_BATCH]
        values = ",\n".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in batch)
        statements.append(f"INSERT INTO {copy['table']}{columns} VALUES\n{values};")
    return "\n".join(statements)


def _text_value(field: str, where: str) -> str | None:
    """One field of COPY's text format: \\N is NULL; backslash escapes as COPY reads them."""
    if field == "\\N":
        return None
    if "\\" not in field:
        return field
    out: list[str] = []
    i = 0
    while i < len(field):
        ch = field[i]
        if ch != "\\" or i + 1 == len(field):
            out.append(ch)
            i += 1
            continue
        nxt = field[i + 1]
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt in "01234567":
            digits = re.match(r"[0-7]{1,3}", field[i + 1 :])
            assert digits is not None
            out.append(chr(int(digits.group(), 8)))
            i += 1 + len(digits.group())
        elif nxt == "x" and re.match(r"[0-9a-fA-F]", field[i + 2 : i + 3]):
            digits = re.match(r"[0-9a-fA-F]{1,2}", field[i + 2 :])
            assert digits is not None
            out.append(chr(int(digits.group(), 16)))
            i += 2 + len(digits.group())
        else:
            out.append(nxt)  # \\ is a backslash; any other escaped character is itself
            i += 2
    value = "".join(out)
    if "\x00" in value:
        raise ContentError(where, "COPY data holds a NUL character")
    return value


def _literal(value: str | None) -> str:
    if value is None:
        return "NULL"
    return "'" + value.replace("'", "''") + "'"
