"""Reading a design submission: its sections, its SQL, its named queries and its estimates.

The submission is one Markdown file with sections `## Requirements`, `## Estimation`,
`## Schema`, `## Queries`, `## Scaling` and optionally `## Trade-offs`. The Schema and the
Queries are SQL (in ```sql fences, or the whole section when it has none). In the Queries each
query is preceded by a line `-- name: NAME`; parameters are written `:param`, as in psql.
The Estimation holds a table whose rows are `| name | value | unit |`.

Everything is checked before anything runs: a missing section, SQL that does not parse, an
unknown or missing query name, an unknown parameter are errors naming the section and the
line of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pglast import parse_sql
from pglast.parser import ParseError

from pgdojo.content.design import SECTIONS, DesignPrompt
from pgdojo.errors import UsageError
from pgdojo.sqlbounds import size_problem
from pgdojo.sqltrees import error_offset

HEADING = re.compile(r"^##\s+(?P<name>[A-Za-z][A-Za-z -]*?)\s*$")
SECTION_NAMES = {
    "requirements": "requirements",
    "estimation": "estimation",
    "estimates": "estimation",
    "schema": "schema",
    "queries": "queries",
    "scaling": "scaling",
    "trade-offs": "tradeoffs",
    "tradeoffs": "tradeoffs",
    "trade offs": "tradeoffs",
}
OPTIONAL = frozenset({"tradeoffs"})
QUERY_NAME = re.compile(r"^\s*--\s*name:\s*(?P<name>\S+)\s*$")
FENCE = re.compile(r"^```")
NUMBER = re.compile(
    r"^\s*(?P<num>[0-9][0-9_,]*(?:\.[0-9]+)?)\s*(?P<mult>k|m|b|g|t|thousand|million|billion)?(?![a-z])",
    re.IGNORECASE,
)
MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "b": 1e9,
    "g": 1e9,
    "billion": 1e9,
    "t": 1e12,
}
BYTE_UNITS = {"b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "pb": 1e15}


class SubmissionError(UsageError):
    """A submission that cannot run: the message names the section and the line."""


@dataclass(frozen=True)
class SubmittedQuery:
    name: str
    text: str  # as written, with :params
    sql: str  # for psycopg: %(param)s placeholders, % doubled
    params: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class SubmittedEstimate:
    name: str
    value: float
    unit: str
    line: int


@dataclass
class Submission:
    sections: dict[str, str]
    section_lines: dict[str, int]
    schema_sql: str
    schema_line: int
    queries: dict[str, SubmittedQuery] = field(default_factory=dict)
    estimates: list[SubmittedEstimate] = field(default_factory=list)

    def prose(self) -> str:
        """The written sections (the SQL left out), for the rubric grader."""
        parts = [self.sections.get(s, "") for s in SECTIONS if s not in ("schema", "queries")]
        sql_prose = [_strip_code(self.sections.get(s, "")) for s in ("schema", "queries")]
        return "\n\n".join(p for p in [*parts, *sql_prose] if p.strip())


def _strip_code(text: str) -> str:
    return re.sub(r"```.*?```", " ", text, flags=re.DOTALL)


def split_sections(text: str) -> tuple[dict[str, str], dict[str, int]]:
    sections: dict[str, list[str]] = {}
    lines_at: dict[str, int] = {}
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = HEADING.match(line)
        if match:
            name = SECTION_NAMES.get(match.group("name").strip().lower())
            current = name
            if name is not None:
                if name in sections:
                    raise SubmissionError(
                        f"line {number}: section `## {match.group('name')}` twice"
                    )
                sections[name] = []
                lines_at[name] = number + 1
            continue
        if current is not None:
            sections[current].append(line)
    # Leading blank lines are kept: a section's lines stay counted from its heading.
    return {k: "\n".join(v).rstrip() for k, v in sections.items()}, lines_at


def _sql_of(section: str, first_line: int) -> tuple[str, int]:
    """The SQL of a section: its ```sql blocks (or the whole section), and the line it starts.
    Lines outside the blocks are blanked, so line numbers stay those of the file."""
    lines = section.splitlines()
    if not any(FENCE.match(line) for line in lines):
        return section, first_line
    out: list[str] = []
    inside = False
    for line in lines:
        if FENCE.match(line):
            inside = not inside
            out.append("")
        else:
            out.append(line if inside else "")
    return "\n".join(out), first_line


PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def to_placeholders(text: str) -> tuple[str, list[tuple[str, int]]]:
    """psql-style `:param` -> `%(param)s` outside strings, identifiers and comments; `%` doubled.
    Returns the SQL and each parameter with its offset in `text`."""
    out: list[str] = []
    params: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "'" or c == '"':
            j = i + 1
            while j < n:
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            out.append(text[i : j + 1].replace("%", "%%"))
            i = j + 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            j = n if j == -1 else j
            out.append(text[i:j].replace("%", "%%"))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j == -1 else j + 2
            out.append(text[i:j].replace("%", "%%"))
            i = j
        elif c == "$" and (m := re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", text[i:])):
            tag = m.group(0)
            j = text.find(tag, i + len(tag))
            j = n if j == -1 else j + len(tag)
            out.append(text[i:j].replace("%", "%%"))
            i = j
        elif (
            c == ":"
            and (i == 0 or text[i - 1] != ":")
            # ASCII names only, as the pattern says (str.isalpha() also takes "À").
            and (m2 := PARAM_NAME.match(text, i + 1))
        ):
            params.append((m2.group(0), i))
            out.append(f"%({m2.group(0)})s")
            i += 1 + len(m2.group(0))
        elif c == "%":
            out.append("%%")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out), params


def _line_of(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, max(0, offset))


def check_parses(sql_text: str, where: str, first_line: int) -> None:
    """pglast parses `sql_text` (params as NULL), within the size bounds; else an error naming
    the line."""
    problem = size_problem(sql_text)
    if problem is not None:
        line = _line_of(sql_text, problem.offset, first_line)
        raise SubmissionError(f"{where}, line {line}: {problem.message}")
    try:
        parse_sql(sql_text)
    except ParseError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        line = _line_of(sql_text, error_offset(exc, sql_text), first_line)
        raise SubmissionError(f"{where}, line {line}: SQL does not parse: {message}") from None


def parse_number(text: str) -> tuple[float, str] | None:
    """'13.9k' -> 13900; '2.5 TB' -> 2.5e12 bytes ('TB' unit kept); '1,200/s' -> 1200."""
    cleaned = text.strip().replace("~", "").replace("≈", "")
    match = NUMBER.match(cleaned)
    if not match:
        return None
    value = float(match.group("num").replace(",", "").replace("_", ""))
    rest = cleaned[match.end() :].strip()
    mult = (match.group("mult") or "").lower()
    unit = rest
    # "2.5 TB": a byte unit; "2.5T": a multiplier.
    word = re.match(r"([A-Za-z]+)", rest)
    if word and word.group(1).lower() in BYTE_UNITS and not mult:
        value *= BYTE_UNITS[word.group(1).lower()]
        unit = "bytes"
    elif mult:
        value *= MULTIPLIERS[mult]
    return value, unit


def parse_estimates(section: str, first_line: int) -> list[SubmittedEstimate]:
    found = []
    for offset, line in enumerate(section.splitlines()):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or set(line.strip()) <= set("|-: "):
            continue
        name = re.sub(r"[^a-z0-9]+", "_", cells[0].lower()).strip("_")
        number = parse_number(cells[1])
        if not name or number is None:
            continue
        value, unit = number
        unit = cells[2] if len(cells) > 2 and cells[2] and unit != "bytes" else unit
        found.append(SubmittedEstimate(name, value, unit, first_line + offset))
    return found


def parse_submission(text: str, prompt: DesignPrompt) -> Submission:
    """Parse and check a submission against its prompt; raises SubmissionError."""
    if not text.strip():
        raise SubmissionError("the submission is empty: `pgdojo design show ID --template`")
    sections, lines_at = split_sections(text)
    missing = [s for s in SECTIONS if s not in sections and s not in OPTIONAL]
    if missing:
        names = ", ".join(f"## {s.capitalize()}" for s in missing)
        raise SubmissionError(f"sections missing: {names}")
    schema_sql, schema_line = _sql_of(sections["schema"], lines_at["schema"])
    check_parses(schema_sql, "## Schema", schema_line)
    queries_sql, queries_line = _sql_of(sections["queries"], lines_at["queries"])
    submission = Submission(sections, lines_at, schema_sql, schema_line)
    current: str | None = None
    start_line = queries_line
    buffer: list[str] = []

    def flush() -> None:
        if current is None:
            if "".join(buffer).strip() and any(
                line.strip() and not line.strip().startswith("--") for line in buffer
            ):
                raise SubmissionError(
                    f"## Queries, line {start_line}: SQL before the first `-- name:` line"
                )
            return
        # Not stripped at the start: offsets in the body stay lines of the file.
        body = "\n".join(buffer).rstrip()
        if not any(line.strip() and not line.strip().startswith("--") for line in buffer):
            raise SubmissionError(f"## Queries, line {start_line}: query {current!r} is empty")
        if current not in prompt.meta.queries:
            raise SubmissionError(
                f"## Queries, line {start_line}: unknown query name {current!r} "
                f"(the prompt's queries: {', '.join(prompt.meta.queries)})"
            )
        if current in submission.queries:
            raise SubmissionError(f"## Queries, line {start_line}: {current!r} is defined twice")
        sql, params = to_placeholders(body)
        allowed = prompt.meta.queries[current].params
        for name, offset in params:
            if name not in allowed:
                known = ", ".join(f":{p}" for p in allowed) or "none"
                raise SubmissionError(
                    f"## Queries, line {_line_of(body, offset, start_line + 1)}: unknown "
                    f"parameter :{name} in {current} (its parameters: {known})"
                )
        nulls = re.sub(r"%\((\w+)\)s", "NULL", sql).replace("%%", "%")
        check_parses(nulls, f"## Queries ({current})", start_line + 1)
        submission.queries[current] = SubmittedQuery(
            current, body, sql, tuple(dict.fromkeys(n for n, _ in params)), start_line
        )

    for offset, line in enumerate(queries_sql.splitlines()):
        match = QUERY_NAME.match(line)
        if match:
            flush()
            current, buffer, start_line = match.group("name"), [], queries_line + offset
            continue
        buffer.append(line)
    flush()
    absent = [q for q in prompt.meta.queries if q not in submission.queries]
    if absent:
        raise SubmissionError(
            f"## Queries: missing {', '.join(absent)} (each after a line `-- name: NAME`)"
        )
    submission.estimates = parse_estimates(sections["estimation"], lines_at["estimation"])
    return submission
