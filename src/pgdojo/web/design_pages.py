"""System design: the prompts with the engine's numbers measured here (/design), and a
prompt's page (/design/{id}): the prompt, an editor per section assembled into the submission
Markdown, an ER diagram of the tables, a run at scale with its figures and charts, the grade,
and the prompt's experiments ("Prove it").

The pure parts (`assemble`, `split_design`, `locate`, `er_diagram` and the chart options) are
kept apart from the page, which holds its state in `DesignPage` and draws it in refreshable
views. Service calls run off the event loop; a run's progress, reported from the worker thread,
is written into a `StepState` that a 0.3 s timer draws.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from nicegui import run, ui
from pglast import ast, parse_sql, split
from pglast.enums import AlterTableType, ConstrType
from pglast.parser import ParseError
from pglast.stream import RawStream

from pgdojo.content.design import DESIGN_PARTS, SECTIONS
from pgdojo.errors import PgdojoError
from pgdojo.sqlbounds import size_problem
from pgdojo.tracks.design import DesignGrade, DesignTrack, ExperimentResult, RunResult
from pgdojo.tracks.design.service import MAX_SUBMISSION_CHARS
from pgdojo.tracks.design.submission import SubmissionError, split_sections
from pgdojo.web.drafts import TabDraft
from pgdojo.web.frame import call, frame, route, safely, track

T = TypeVar("T")

# -- the submission: editors <-> Markdown -------------------------------------------------------
HEADINGS = {part.id: part.label for part in DESIGN_PARTS}  # requirements -> "Requirements"
SQL_SECTIONS = ("schema", "queries")
NOTES = {"schema": "schema_notes", "queries": "queries_notes"}
EDITOR_LABELS = {
    **HEADINGS,
    "schema_notes": "Schema: notes (why these keys and indexes)",
    "queries_notes": "Queries: notes (plans, paging, what each one reads)",
}
PLACEHOLDERS = {part.id: f"{part.label}: {part.about}…" for part in DESIGN_PARTS}
_FENCE = re.compile(r"^```")
_SECTION_HEADING = re.compile(r"^##\s")  # what `split_sections` would take for a heading
_LINE = re.compile(r"\bline (\d+)\b")


def _prose_lines(text: str, in_sql_section: bool = False) -> list[str]:
    """A prose editor's lines as they go into the file: a `## ` line is demoted to `### ` (else
    it would start a section of its own); in the Schema and Queries sections a line starting a
    ``` fence is indented by a space (else its content would be read as SQL)."""
    lines = []
    for line in text.strip("\n").splitlines():
        if _SECTION_HEADING.match(line):
            line = "#" + line
        elif in_sql_section and _FENCE.match(line):
            line = " " + line
        lines.append(line)
    return [] if not "".join(lines).strip() else lines


def _sql_lines(text: str) -> list[str]:
    """A SQL editor's lines, a ``` line blanked (it would end the fence): line numbers stay."""
    lines = ["" if _FENCE.match(line) else line for line in text.rstrip().splitlines()]
    return lines


def _layout(sections: dict[str, str]) -> list[tuple[str | None, list[str]]]:
    """The file as blocks of lines, each with the editor it comes from (None: a heading or a
    fence). No blank line after a heading: the parser numbers a section's lines from the line
    after its heading."""
    blocks: list[tuple[str | None, list[str]]] = []
    for key in SECTIONS:
        blocks.append((None, [f"## {HEADINGS[key]}"]))
        if key in SQL_SECTIONS:
            blocks.append((None, ["```sql"]))
            blocks.append((key, _sql_lines(sections.get(key, ""))))
            blocks.append((None, ["```"]))
            blocks.append((NOTES[key], _prose_lines(sections.get(NOTES[key], ""), True)))
        else:
            blocks.append((key, _prose_lines(sections.get(key, ""))))
        blocks.append((None, [""]))
    return blocks


def assemble(sections: dict[str, str]) -> str:
    """The submission Markdown from the editors' texts, keyed by section (requirements,
    estimation, schema, queries, scaling, tradeoffs; and schema_notes, queries_notes: the
    prose after the SQL). The Schema and the Queries go inside ```sql fences."""
    lines = [line for _, block in _layout(sections) for line in block]
    return "\n".join(lines).rstrip() + "\n"


def locate(sections: dict[str, str], line: int) -> tuple[str, int] | None:
    """The editor and its 1-based line that are line `line` of `assemble(sections)`."""
    number = 1
    for key, block in _layout(sections):
        if number <= line < number + len(block):
            return (key, line - number + 1) if key is not None else None
        number += len(block)
    return None


def _split_sql(section: str) -> tuple[str, str]:
    """A Schema or Queries section: the SQL of its fences, and the prose outside them."""
    lines = section.splitlines()
    if not any(_FENCE.match(line) for line in lines):
        return section.strip("\n"), ""
    sql: list[str] = []
    prose: list[str] = []
    inside = False
    for line in lines:
        if _FENCE.match(line):
            if inside:
                sql.append("")  # a blank line between two blocks
            inside = not inside
            continue
        (sql if inside else prose).append(line)
    return "\n".join(sql).strip("\n"), "\n".join(prose).strip()


def split_design(text: str) -> dict[str, str]:
    """The editors' texts of a submission (a template, a worked design): the inverse of
    `assemble`. Raises SubmissionError for a section given twice."""
    found, _ = split_sections(text)
    sections = {key: "" for key in EDITOR_LABELS}
    for key in SECTIONS:
        body = found.get(key, "")
        if key in SQL_SECTIONS:
            sections[key], sections[NOTES[key]] = _split_sql(body)
        else:
            sections[key] = body.strip()
    return sections


# -- the ER diagram ---------------------------------------------------------------------------
@dataclass
class _Entity:
    columns: dict[str, str] = field(default_factory=dict)  # name -> type
    keys: dict[str, list[str]] = field(default_factory=dict)  # name -> PK, FK, UK

    def key(self, column: str, kind: str) -> None:
        marks = self.keys.setdefault(column, [])
        if kind not in marks:
            marks.append(kind)


_TYPE_WORDS = (
    (re.compile(r"^timestamp(\(\d+\))? with time zone"), r"timestamptz\1"),
    (re.compile(r"^timestamp(\(\d+\))? without time zone"), r"timestamp\1"),
    (re.compile(r"^time(\(\d+\))? with time zone"), r"timetz\1"),
    (re.compile(r"^time(\(\d+\))? without time zone"), r"time\1"),
    (re.compile(r"^double precision"), "float8"),
    (re.compile(r"^character varying"), "varchar"),
    (re.compile(r"^bit varying"), "varbit"),
)


def _word(name: str) -> str:
    """A name as Mermaid takes it outside quotes: letters, digits, underscores."""
    word = re.sub(r"\W", "_", name)
    return word if word and not word[0].isdigit() else f"_{word}"


def _type_word(typename: ast.TypeName) -> str:
    try:
        text = str(RawStream()(typename))
    except Exception:  # a type RawStream cannot print: its last name
        names = typename.names or ()
        text = str(getattr(names[-1], "sval", "?")) if names else "?"
    for pattern, short in _TYPE_WORDS:
        text = pattern.sub(short, text)
    text = re.sub(r"\s*,\s*", ",", text)
    text = re.sub(r"[^\w()\[\],.]+", "_", text)
    return text if text and (text[0].isalpha() or text[0] == "_") else f"_{text}"


def _table_name(relation: ast.RangeVar) -> str:
    schema = relation.schemaname
    name = str(relation.relname)
    return name if schema in (None, "public") else f"{schema}.{name}"


def _names(values: Iterable[Any] | None) -> list[str]:
    return [str(getattr(v, "sval", v)) for v in values or ()]


class _Diagram:
    def __init__(self) -> None:
        self.entities: dict[str, _Entity] = {}
        self.relations: list[tuple[str, str, str]] = []  # (parent, child, columns)

    def entity(self, name: str) -> _Entity:
        return self.entities.setdefault(name, _Entity())

    def column(self, table: str, column: ast.ColumnDef) -> None:
        entity = self.entity(table)
        name = str(column.colname)
        entity.columns[name] = _type_word(column.typeName) if column.typeName else "?"
        for constraint in column.constraints or ():
            self.constraint(table, constraint, [name])

    def constraint(self, table: str, constraint: ast.Constraint, columns: list[str]) -> None:
        entity = self.entity(table)
        kind = constraint.contype
        if kind == ConstrType.CONSTR_PRIMARY:
            for name in _names(constraint.keys) or columns:
                entity.key(name, "PK")
        elif kind == ConstrType.CONSTR_UNIQUE:
            for name in _names(constraint.keys) or columns:
                entity.key(name, "UK")
        elif kind == ConstrType.CONSTR_FOREIGN and constraint.pktable is not None:
            fk = _names(constraint.fk_attrs) or columns
            for name in fk:
                entity.key(name, "FK")
            parent = _table_name(constraint.pktable)
            self.entity(parent)
            relation = (parent, table, ", ".join(fk))
            if relation not in self.relations:
                self.relations.append(relation)

    def statement(self, node: ast.Node) -> None:
        if isinstance(node, ast.CreateStmt):
            if node.partbound is not None or node.relation is None:
                return  # a partition: its parent holds the columns
            table = _table_name(node.relation)
            self.entities[table] = _Entity()  # a table made again is the last one made
            for element in node.tableElts or ():
                if isinstance(element, ast.ColumnDef):
                    self.column(table, element)
                elif isinstance(element, ast.Constraint):
                    self.constraint(table, element, [])
                elif isinstance(element, ast.TableLikeClause) and element.relation:
                    like = self.entities.get(_table_name(element.relation))
                    if like is not None:
                        self.entity(table).columns.update(like.columns)
        elif isinstance(node, ast.AlterTableStmt) and node.relation is not None:
            table = _table_name(node.relation)
            for command in node.cmds or ():
                if not isinstance(command, ast.AlterTableCmd):
                    continue
                if command.subtype == AlterTableType.AT_AddColumn and isinstance(
                    command.def_, ast.ColumnDef
                ):
                    self.column(table, command.def_)
                elif command.subtype == AlterTableType.AT_AddConstraint and isinstance(
                    command.def_, ast.Constraint
                ):
                    self.constraint(table, command.def_, [])

    def text(self) -> str:
        lines = ["erDiagram"]
        for name, entity in self.entities.items():
            if not entity.columns:
                lines.append(f"    {_word(name)}")
                continue
            lines.append(f"    {_word(name)} {{")
            for column, kind in entity.columns.items():
                keys = ", ".join(entity.keys.get(column, []))
                lines.append(f"        {kind} {_word(column)}{' ' + keys if keys else ''}")
            lines.append("    }")
        for parent, child, columns in self.relations:
            lines.append(f'    {_word(parent)} ||--o{{ {_word(child)} : "{columns}"')
        return "\n".join(lines)


def _statements(text: str) -> list[ast.Node]:
    """The statements of `text` that parse (one that does not is left out), within the size
    bounds every parse of user SQL keeps to."""
    if len(text) > MAX_SUBMISSION_CHARS or size_problem(text) is not None:
        return []
    try:
        pieces = split(text, with_parser=False)
    except ParseError:
        return []
    nodes: list[ast.Node] = []
    for piece in pieces:
        try:
            nodes.extend(raw.stmt for raw in parse_sql(piece) if raw.stmt is not None)
        except ParseError:
            continue
    return nodes


def er_diagram(sql_texts: list[str]) -> str:
    """A Mermaid `erDiagram` of the tables the SQL texts make (CREATE TABLE, ALTER TABLE ADD
    COLUMN / ADD CONSTRAINT): each table's columns with their types and PK, FK, UK marks, and a
    line from each referenced table to the table referencing it. Statements that do not parse
    are ignored."""
    diagram = _Diagram()
    for text in sql_texts:
        for node in _statements(text):
            diagram.statement(node)
    return diagram.text()


# -- charts -------------------------------------------------------------------------------------
PALETTE = ["#4f8cc9", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#9b5de5"]
_AXIS = {
    "axisLine": {"lineStyle": {"color": "#64748b"}},
    "axisLabel": {"color": "#cbd5e1"},
    "nameTextStyle": {"color": "#94a3b8"},
    "splitLine": {"lineStyle": {"color": "#334155"}},
}
CHART_THEME: dict[str, Any] = {
    "color": PALETTE,
    "backgroundColor": "transparent",
    "textStyle": {"color": "#cbd5e1"},
    "title": {"textStyle": {"color": "#e2e8f0", "fontSize": 14}},
    "legend": {"textStyle": {"color": "#cbd5e1"}},
    "categoryAxis": _AXIS,
    "valueAxis": _AXIS,
}


def _bar(name: str, values: list[Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": "bar", "data": values, **extra}


def latency_chart(queries: dict[str, Any], budgets: dict[str, float | None]) -> dict[str, Any]:
    """p95 of each read query as a bar, its budget as a mark above it (a bar that reaches
    the mark is over budget)."""
    reads = [name for name, q in queries.items() if q.get("kind") == "read" and "p95_ms" in q]
    return {
        "title": {"text": "p95 per read query (ms)"},
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 24},
        "grid": {"top": 64, "left": 56, "right": 16, "bottom": 32},
        "xAxis": {"type": "category", "data": reads},
        "yAxis": {"type": "value", "name": "ms"},
        "series": [
            _bar(
                "p95",
                [queries[name]["p95_ms"] for name in reads],
                barMaxWidth=48,
                label={"show": True, "position": "top", "color": "#e2e8f0"},
            ),
            {
                "name": "budget",
                "type": "scatter",
                "symbol": "rect",
                "symbolSize": [56, 3],
                "itemStyle": {"color": "#e76f51"},
                "data": [budgets.get(name) for name in reads],
            },
        ],
    }


def writes_chart(queries: dict[str, Any], rows_budget: int | None) -> dict[str, Any]:
    """Rows and WAL bytes per call of each write query (two axes), the rows budget marked."""
    writes = [name for name, q in queries.items() if q.get("kind") == "write"]
    # The rows axis reaches the budget, so that its line shows how much room is left.
    values = [queries[name].get("rows_per_call") or 0 for name in writes]
    top = None if not rows_budget else math.ceil(1.1 * max([rows_budget, *values]))
    rows = _bar(
        "rows / call",
        [queries[name].get("rows_per_call") for name in writes],
        label={"show": True, "position": "top", "color": "#e2e8f0"},
    )
    if rows_budget:
        rows["markLine"] = {
            "symbol": "none",
            "data": [{"yAxis": rows_budget, "name": "budget"}],
            "lineStyle": {"color": "#e76f51", "type": "dashed"},
            "label": {
                "formatter": f"budget {rows_budget}",
                "color": "#e76f51",
                "position": "insideStartTop",
            },
        }
    return {
        "title": {"text": "Per write call: rows and WAL"},
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 24},
        "grid": {"top": 64, "left": 56, "right": 72, "bottom": 32},
        "xAxis": {"type": "category", "data": writes},
        "yAxis": [
            {"type": "value", "name": "rows", "max": top},
            {"type": "value", "name": "WAL bytes", "splitLine": {"show": False}},
        ],
        "series": [
            rows,
            _bar(
                "WAL bytes / call",
                [queries[name].get("wal_bytes_per_call") for name in writes],
                yAxisIndex=1,
            ),
        ],
    }


def sizes_chart(tables: dict[str, Any]) -> dict[str, Any]:
    """Each table's heap and index sizes (MB), stacked, the largest on top."""
    names = sorted(tables, key=lambda t: tables[t]["table_bytes"] + tables[t]["index_bytes"])
    mb = 1e6
    return {
        "title": {"text": "Table and index sizes (MB)"},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 24},
        "grid": {"top": 64, "left": 120, "right": 24, "bottom": 32},
        "xAxis": {"type": "value", "name": "MB"},
        "yAxis": {"type": "category", "data": names},
        "series": [
            _bar("table", [round(tables[n]["table_bytes"] / mb, 2) for n in names], stack="s"),
            _bar("indexes", [round(tables[n]["index_bytes"] / mb, 2) for n in names], stack="s"),
        ],
    }


def experiment_chart(result: ExperimentResult) -> dict[str, Any]:
    """A grouped bar chart of an experiment: a group per measure, a bar per variant. The
    measures have different units, so each is drawn as a share of its largest value (the
    tooltip and the table give the figures)."""
    series = []
    for row in result.rows:
        values = []
        for measure in result.measure:
            value = row["figures"].get(measure)
            top = max((r["figures"].get(measure) or 0 for r in result.rows), default=0)
            share = round(100 * value / top, 1) if value is not None and top else None
            values.append({"value": share, "figure": value})
        series.append(_bar(row["label"], values))
    return {
        "tooltip": {
            "trigger": "axis",
            "axisPointer": {"type": "shadow"},
            # NiceGUI evaluates a ':' key as JavaScript: the tooltip gives the figures.
            ":formatter": "ps => ps[0].axisValue + ps.map(p => '<br>' + p.marker + "
            "p.seriesName + ': ' + (p.data.figure ?? '—')).join('')",
        },
        "legend": {"top": 0, "type": "scroll"},
        "grid": {"top": 40, "left": 56, "right": 16, "bottom": 40},
        "xAxis": {"type": "category", "data": list(result.measure)},
        "yAxis": {"type": "value", "name": "% of the largest", "max": 100},
        "series": series,
    }


# -- formatting -------------------------------------------------------------------------------
def _bytes(value: float | None) -> str:
    if value is None:
        return ""
    for unit, size in (("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if value >= size:
            return f"{value / size:,.1f} {unit}"
    return f"{value:,.0f} B"


def _figure(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _estimate(value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    if unit == "bytes":
        return _bytes(value)
    return f"{value:,.0f}{' ' + unit if unit else ''}"


def _figure_name(name: str) -> str:
    """fsync_commits_per_s -> "fsync commits a second"."""
    words = name.removesuffix("_per_s").replace("_", " ").replace("mb", "MB")
    return f"{words} a second" if name.endswith("_per_s") else words


def _table(columns: list[tuple[str, str]], rows: list[dict[str, Any]], key: str) -> ui.table:
    table = ui.table(
        columns=[{"name": n, "label": label, "field": n, "align": "left"} for n, label in columns],
        rows=rows,
        row_key=key,
    )
    return table.classes("w-full").props("dense flat bordered wrap-cells")


LEVEL_COLOURS = {"staff": "text-green-400", "senior": "text-yellow-300", "junior": "text-red-400"}
LEVEL_BADGES = {"staff": "green", "senior": "amber", "junior": "red"}
VERDICT_COLOURS = {
    "good": "text-green-400",
    "partial": "text-yellow-300",
    "off": "text-red-400",
    "missing": "text-red-400",
}


# -- /design ------------------------------------------------------------------------------------
@route("/design")
async def design_list_page() -> None:
    with frame("System design"):
        ui.label("System design").classes("text-2xl font-semibold")
        ui.label(
            "Design the data layer behind a product: your schema and named queries run on the "
            "engine at a scale where the difference between designs shows, then the written "
            "sections are graded with the run."
        ).classes("text-slate-300")
        design = safely(lambda: track(DesignTrack))
        if design is None:
            return
        prompts = await call(design.list_prompts) or []
        with ui.grid(columns=2).classes("w-full gap-3"):
            for prompt in prompts:
                with ui.card().classes("w-full").mark("prompt"):
                    ui.link(prompt["title"], f"/design/{prompt['id']}").classes("text-lg")
                    ui.label(prompt["question"]).classes("text-slate-300")
                    with ui.row().classes("gap-2"):
                        ui.badge(f"{len(prompt['queries'])} named queries").props("outline")
                        if prompt["tenants"]:
                            ui.badge("multi-tenant", color="teal")
                        if prompt["best_score"] is not None:
                            ui.badge(f"best {prompt['best_score']}", color="green").mark("best")
        if not prompts:
            ui.label("No design prompt is installed.").classes("text-slate-400")
        NumbersCard(design)


class NumbersCard(ui.card):
    """The numbers to know, measured on this machine's engine, beside the classic figures."""

    def __init__(self, design: DesignTrack) -> None:
        super().__init__()
        self.design = design
        self.classes("w-full gap-2").mark("numbers-card")
        with self:
            ui.label("Numbers to know, measured here").classes("text-xl")
            ui.label(
                "Commits, point reads, inserts and scans a second on this machine's engine: "
                "the figures to size a design with, beside the ones usually quoted."
            ).classes("text-slate-400 text-sm")
            with ui.row().classes("items-center gap-2"):
                self.button = ui.button(
                    "Measure", icon="speed", on_click=lambda: self.measure(False)
                ).mark("measure")
                self.again = (
                    ui.button("Measure again", icon="refresh", on_click=lambda: self.measure(True))
                    .props("flat")
                    .mark("measure-again")
                )
                self.again.set_visibility(False)
                self.spinner = ui.spinner()
                self.spinner.set_visibility(False)
            self.box = ui.column().classes("w-full")

    async def measure(self, refresh: bool) -> None:
        self.button.disable()
        self.again.disable()
        self.spinner.set_visibility(True)
        rows = await call(self.design.numbers, refresh)
        self.spinner.set_visibility(False)
        self.button.enable()
        self.again.enable()
        if rows is None:
            return
        self.button.set_visibility(False)
        self.again.set_visibility(True)
        self.box.clear()
        with self.box:
            _table(
                [("figure", "figure"), ("measured", "measured here"), ("classic", "classic")],
                [
                    {
                        "figure": _figure_name(r["name"]),
                        "measured": f"{r['measured']:,.0f} {r['unit']}",
                        "classic": r["classic"],
                    }
                    for r in rows
                ],
                "figure",
            ).mark("numbers")


# -- /design/{id}: the state ---------------------------------------------------------------------
@dataclass
class StepState:
    """A service call's progress, written from its worker thread, read by the page's timer."""

    step: str = ""
    fraction: float = 0.0

    def __call__(self, step: str, fraction: float) -> None:
        self.step, self.fraction = step, max(0.0, min(1.0, fraction))


class StepProgress(ui.column):
    """A progress bar and the current step of a running service call (hidden otherwise)."""

    def __init__(self) -> None:
        super().__init__()
        self.state = StepState()
        self.started = 0.0
        self.classes("w-full gap-1")
        with self:
            self.bar = ui.linear_progress(0, show_value=False).props("size=10px color=teal")
            self.step = ui.label().classes("text-sm text-slate-400")
            self.timer = ui.timer(0.3, self.tick, active=False)
        self.set_visibility(False)

    def start(self) -> None:
        self.state = StepState("starting", 0.0)
        self.started = time.monotonic()
        self.tick()
        self.set_visibility(True)
        self.timer.activate()

    def tick(self) -> None:
        self.bar.value = self.state.fraction
        elapsed = time.monotonic() - self.started
        self.step.text = f"{self.state.step} · {self.state.fraction:.0%} · {elapsed:.0f} s"

    def stop(self) -> None:
        self.timer.deactivate()
        self.set_visibility(False)


@dataclass
class ParseProblem:
    message: str
    where: tuple[str, int] | None  # (editor, line)


class DesignPage:
    """A prompt's page: its data, the editors' texts, the last run, grade and experiments."""

    def __init__(self, design: DesignTrack, data: dict[str, Any], template: str) -> None:
        self.design = design
        self.data = data
        self.prompt_id: str = data["id"]
        self.sections = split_design(template)
        self.template = dict(self.sections)
        self.loaded = dict(self.sections)  # the last text put in the editors
        self.designs = list(design.prompt(self.prompt_id).designs)
        self.run: dict[str, Any] | None = None  # RunResult.to_dict()
        self.graded: DesignGrade | None = None
        self.problem: ParseProblem | None = None
        self.proved: list[ExperimentResult] | None = None
        self.history: list[dict[str, Any]] = []
        self.editors: dict[str, ui.codemirror | ui.textarea] = {}
        self.buttons: list[ui.button] = []
        self.diagram_dirty = False
        self.client = ui.context.client
        self.draft = TabDraft(f"design-draft:{self.prompt_id}")

    # -- actions ------------------------------------------------------------------------------
    def changed(self, key: str, value: str | None) -> None:
        self.sections[key] = value or ""
        if key == "schema":
            self.diagram_dirty = True
        self.draft.save(dict(self.sections))

    def fill(self, sections: dict[str, str]) -> None:
        self.sections = {key: sections.get(key, "") for key in EDITOR_LABELS}
        self.loaded = dict(self.sections)
        for key, editor in self.editors.items():
            editor.value = self.sections[key]
            if isinstance(editor, ui.codemirror):
                editor.line_tooltips = {}
        self.diagram.refresh()

    async def restore_draft(self) -> None:
        """The draft this tab had before a reload."""
        draft = await self.draft.restore()
        if isinstance(draft, dict) and draft != self.sections:
            self.fill({k: str(v) for k, v in draft.items()})
            self.loaded = dict(self.template)  # the draft is the user's: ask before replacing

    async def load(self, name: str) -> None:
        if name == "template":
            await self.replace("the template", dict(self.template))
            return
        text = await call(self.design.model, self.prompt_id, name)
        if text is not None:
            await self.replace(f"the {name} model", split_design(text))

    async def replace(self, label: str, sections: dict[str, str]) -> None:
        if self.sections in (self.loaded, self.template):
            self.fill(sections)
            ui.notify(f"Loaded {label}.")
            return
        with ui.dialog() as dialog, ui.card():
            ui.label(f"Replace your draft with {label}?")
            with ui.row().classes("justify-end w-full"):
                ui.button("Keep my draft", on_click=dialog.close).props("flat")
                ui.button("Replace", color="negative", on_click=lambda: dialog.submit(True)).mark(
                    "replace-confirm"
                )
        replace = await dialog
        dialog.delete()
        if replace:
            self.fill(sections)
            ui.notify(f"Loaded {label}.")

    def busy(self, busy: bool) -> None:
        for button in self.buttons:
            button.set_enabled(not busy)

    async def submit(self, fn: Callable[..., T], bar: StepProgress) -> T | None:
        """`fn(prompt_id, submission, progress)` off the event loop, its progress drawn; a
        parse error shown where it is, any other error as a notification."""
        self.problem = None
        for editor in self.editors.values():
            if isinstance(editor, ui.codemirror):
                editor.line_tooltips = {}
        text = assemble(self.sections)
        self.busy(True)
        bar.start()
        try:
            return await run.io_bound(fn, self.prompt_id, text, bar.state)
        except SubmissionError as exc:
            if not self.client.is_deleted:
                self.show_problem(str(exc))
            return None
        except PgdojoError as exc:
            if not self.client.is_deleted:
                ui.notify(str(exc), type="negative", multi_line=True, close_button=True)
            return None
        finally:
            if not self.client.is_deleted:
                bar.stop()
                self.busy(False)

    def show_problem(self, message: str) -> None:
        found = _LINE.search(message)
        where = locate(self.sections, int(found.group(1))) if found else None
        self.problem = ParseProblem(message, where)
        ui.notify(message, type="negative", multi_line=True, close_button=True)
        if where is not None:
            editor = self.editors.get(where[0])
            if isinstance(editor, ui.codemirror):
                editor.line_tooltips = {where[1]: message}
                editor.reveal_line(where[1])
        self.outcome.refresh()

    async def run_design(self) -> None:
        result: RunResult | None = await self.submit(self.design.run, self.run_bar)
        if result is None:
            self.outcome.refresh()
            return
        self.run, self.graded = result.to_dict(), None
        self.outcome.refresh()
        await self.refresh_history()

    async def grade_design(self) -> None:
        graded: DesignGrade | None = await self.submit(self.design.grade, self.run_bar)
        if graded is None:
            self.outcome.refresh()
            return
        self.run, self.graded = graded.run, graded
        self.outcome.refresh()
        await self.refresh_history()

    async def prove(self) -> None:
        self.busy(True)
        self.prove_bar.start()
        results = await call(self.design.prove, self.prompt_id, self.prove_bar.state)
        if self.client.is_deleted:
            return
        self.prove_bar.stop()
        self.busy(False)
        if results is not None:
            self.proved = results
            self.experiments.refresh()

    async def refresh_history(self) -> None:
        rows = await call(self.design.history, self.prompt_id)
        if rows is not None and not self.client.is_deleted:
            self.history = rows
            self.history_view.refresh()

    async def download(self) -> None:
        text = assemble(self.sections)
        ui.download.content(text.encode(), f"{self.prompt_id}.md", "text/markdown")

    def redraw(self) -> None:
        if self.diagram_dirty:
            self.diagram_dirty = False
            self.diagram.refresh()

    # -- the page ----------------------------------------------------------------------------
    def build(self) -> None:
        data = self.data
        with ui.row().classes("w-full items-center justify-between"):
            with ui.column().classes("gap-1"):
                ui.label(data["title"]).classes("text-2xl font-semibold").mark("title")
                ui.label(data["question"]).classes("text-lg text-slate-300")
            ui.link("All prompts", "/design")
        with ui.tabs().classes("w-full") as tabs:
            prompt_tab = ui.tab("The prompt", icon="description")
            design_tab = ui.tab("Your design", icon="edit_note")
            prove_tab = ui.tab("Prove it", icon="science") if data["experiments"] else None
        # Not animated: a CodeMirror measured during the slide draws its gutter wrong.
        with ui.tab_panels(tabs, value=prompt_tab, animated=False).classes("w-full bg-transparent"):
            with ui.tab_panel(prompt_tab):
                self.prompt_panel()
            with ui.tab_panel(design_tab):
                self.design_panel()
            if prove_tab is not None:
                with ui.tab_panel(prove_tab):
                    self.prove_panel()

    def prompt_panel(self) -> None:
        data = self.data
        ui.markdown(data["statement"]).classes("w-full").mark("statement")
        with (
            ui.expansion("Ask first: the clarifying questions", icon="help_outline")
            .classes("w-full")
            .mark("clarifying")
        ):
            for question in data["clarifying_questions"]:
                ui.label(f"· {question}")
        ui.label(f"Given tables (made as {data['owner']} before your schema)").classes(
            "text-lg mt-2"
        )
        ui.code(data["given_sql"], language="sql").classes("w-full").mark("given")
        ui.label("Named queries your design provides").classes("text-lg mt-2")
        _table(
            [
                ("name", "name"),
                ("kind", "kind"),
                ("params", "parameters"),
                ("contract", "contract"),
                ("budget", "p95 budget"),
            ],
            [
                {
                    "name": name,
                    "kind": q["kind"],
                    "params": ", ".join(f":{k} {v}" for k, v in q["params"].items()) or "none",
                    "contract": q["contract"],
                    "budget": f"{q['p95_ms']:g} ms" if q.get("p95_ms") else "",
                }
                for name, q in data["queries"].items()
            ],
            "name",
        ).mark("queries")
        if data.get("app_role"):
            ui.label(
                f"The queries run as {data['app_role']}, with the tenant in the setting "
                f"{data['tenant_setting']}: a query must never see another tenant's rows."
            ).classes("text-slate-300")
        scale = data["scale"]
        with ui.card().classes("w-full gap-1").mark("scale"):
            ui.label("The scale it runs at").classes("text-lg")
            ui.label(scale["name"])
            ui.label(
                f"A table of more than {scale['large_table_rows']:,} rows is large (a read must "
                f"not scan it); a write may touch at most {scale['write_rows_budget']:,} rows "
                "a call."
            ).classes("text-slate-300 text-sm")
            if scale.get("full_scale_note"):
                ui.label(f"At full scale: {scale['full_scale_note']}").classes(
                    "text-slate-400 text-sm"
                )
        if data["checks"]:
            ui.label("The prompt's own checks").classes("text-lg mt-2")
            for check in data["checks"]:
                ui.label(f"· {check['name']}: {check['message']}").classes("text-slate-300")
        if data["estimates"]:
            ui.label("Estimates expected in your Estimation table").classes("text-lg mt-2")
            _table(
                [("name", "name"), ("label", "what"), ("unit", "unit")],
                data["estimates"],
                "name",
            ).mark("estimates-expected")

    def design_panel(self) -> None:
        with ui.card().classes("w-full gap-1"):
            with ui.row().classes("w-full items-baseline justify-between"):
                ui.label("Tables: the given ones and yours").classes("text-lg")
                ui.label("redrawn as you type the schema").classes("text-xs text-slate-400")
            self.diagram()
        ui.timer(1.0, self.redraw)
        with ui.row().classes("items-center gap-2"):
            ui.label("Learn from a worked design:").classes("text-slate-400")
            for name in ("staff", "senior"):
                if name in self.designs:
                    ui.button(
                        f"Load the {name} model",
                        icon="school",
                        on_click=lambda n=name: self.load(n),
                    ).props("outline").mark(f"load-{name}")
            flawed = [n for n in self.designs if n not in ("staff", "senior")]
            if flawed:
                with ui.dropdown_button("A flawed one", icon="bug_report").props("outline"):
                    for name in flawed:
                        ui.item(name, on_click=lambda n=name: self.load(n)).mark(f"load-{name}")
            ui.button(
                "Start from the template",
                icon="restart_alt",
                on_click=lambda: self.load("template"),
            ).props("flat").mark("load-template")
        for key in ("requirements", "estimation"):
            self.prose_editor(key)
        for key in SQL_SECTIONS:
            self.sql_editor(key)
            self.prose_editor(NOTES[key], rows=3)
        for key in ("scaling", "tradeoffs"):
            self.prose_editor(key)
        with ui.row().classes("items-center gap-2"):
            self.buttons.append(
                ui.button("Run at scale", icon="play_arrow", on_click=self.run_design).mark("run")
            )
            self.buttons.append(
                ui.button("Grade", icon="grading", on_click=self.grade_design).mark("grade")
            )
            ui.button("Download design.md", icon="download", on_click=self.download).props(
                "flat"
            ).mark("download")
            ui.label("a run takes a few seconds; a grade runs the design again").classes(
                "text-xs text-slate-400"
            )
        self.run_bar = StepProgress().mark("run-progress")
        self.outcome()
        with ui.expansion("Your runs and grades", icon="history").classes("w-full"):
            self.history_view()

    def prose_editor(self, key: str, rows: int = 6) -> None:
        editor = (
            ui.textarea(
                EDITOR_LABELS[key],
                value=self.sections.get(key, ""),
                placeholder=PLACEHOLDERS.get(key, "optional"),
            )
            .classes("w-full")
            .props(f"outlined autogrow input-style='min-height: {rows * 1.5}rem'")
            .mark(f"editor-{key}")
        )
        editor.on_value_change(lambda e, k=key: self.changed(k, e.value))
        self.editors[key] = editor

    def sql_editor(self, key: str) -> None:
        ui.label(f"{HEADINGS[key]} (SQL)").classes("text-sm text-slate-300 -mb-2")
        hint = (
            f"your tables, indexes, policies, grants: run as {self.data['owner']}"
            if key == "schema"
            else "each query after a line `-- name: NAME`; parameters as :name"
        )
        ui.label(hint).classes("text-xs text-slate-400 -mb-2")
        editor = (
            ui.codemirror(self.sections.get(key, ""), language="PostgreSQL", theme="oneDark")
            .classes("w-full h-80")
            .mark(f"editor-{key}")
        )
        editor.on_value_change(lambda e, k=key: self.changed(k, e.value))
        self.editors[key] = editor

    @ui.refreshable_method
    def diagram(self) -> None:
        text = er_diagram([self.data["given_sql"], self.sections.get("schema", "")])
        ui.mermaid(text, config={"theme": "dark"}).classes("w-full").mark("er")

    def prove_panel(self) -> None:
        ui.label(
            "Variants of a worked design run side by side at the prompt's scale: what each "
            "choice costs, measured. Each variant is a full run, so this takes a while."
        ).classes("text-slate-300")
        for experiment in self.data["experiments"]:
            ui.label(f"· {experiment['title']}").classes("text-slate-300")
        self.buttons.append(
            ui.button("Run the experiments", icon="science", on_click=self.prove).mark("prove")
        )
        self.prove_bar = StepProgress().mark("prove-progress")
        self.experiments()

    # -- the outcome ---------------------------------------------------------------------------
    @ui.refreshable_method
    def outcome(self) -> None:
        if self.problem is not None:
            with (
                ui.card()
                .classes("w-full border-red-500 gap-1")
                .props("bordered")
                .mark("parse-error")
            ):
                ui.label("The design cannot run").classes("text-lg text-red-400")
                ui.label(self.problem.message).classes("whitespace-pre-wrap").mark("error")
                if self.problem.where is not None:
                    key, line = self.problem.where
                    ui.label(f"→ the {EDITOR_LABELS[key]} editor, line {line}").classes(
                        "text-orange-300"
                    ).mark("error-where")
            return
        if self.graded is not None:
            self.grade_view(self.graded)
        if self.run is not None:
            self.run_view(self.run)

    def run_view(self, result: dict[str, Any]) -> None:
        passed = result["passed"]
        checks = result["checks"]
        with ui.card().classes("w-full gap-2").mark("run-result"):
            with ui.row().classes("items-baseline gap-3"):
                ui.label("PASSED" if passed else "NOT PASSED").classes(
                    "text-xl font-bold " + ("text-green-400" if passed else "text-red-400")
                ).mark("verdict")
                ui.label(
                    f"{sum(c['passed'] for c in checks)}/{len(checks)} checks · "
                    f"{result['seconds']:.1f} s"
                ).classes("text-slate-400")
            for check in checks:
                ok = check["passed"]
                with ui.row().classes("gap-2 no-wrap items-start"):
                    ui.label(f"{'✓' if ok else '✗'} {check['name']}").classes(
                        ("text-green-400" if ok else "text-red-400") + " shrink-0 font-mono"
                    ).mark("check")
                    ui.label(check["message"]).classes("text-slate-300")
        if result["leaks"]:
            with ui.card().classes("w-full border-red-500 gap-1").props("bordered").mark("leaks"):
                ui.label("Leaks: rows of another tenant reached").classes("text-lg text-red-400")
                for leak in result["leaks"]:
                    ui.label(f"{leak['path']}: {leak['message']}").classes("font-mono text-sm")
        measured = result.get("measured", {})
        queries = measured.get("queries", {})
        tables = measured.get("tables", {})
        if queries:
            ui.label("Measured").classes("text-lg")
            _table(
                [
                    ("query", "query"),
                    ("kind", "kind"),
                    ("p50", "p50 ms"),
                    ("p95", "p95 ms"),
                    ("rows", "rows/call"),
                    ("wal", "WAL/call"),
                    ("buffers", "buffers p50"),
                    ("plan", "plan"),
                ],
                [
                    {
                        "query": name,
                        "kind": q.get("kind", ""),
                        "p50": _figure(q.get("p50_ms")),
                        "p95": _figure(q.get("p95_ms")),
                        "rows": _figure(q.get("rows_per_call")) if "rows_per_call" in q else "",
                        "wal": _bytes(q.get("wal_bytes_per_call")),
                        "buffers": _figure(q.get("buffers_p50")) if "buffers_p50" in q else "",
                        "plan": q.get("plan", ""),
                    }
                    for name, q in queries.items()
                ],
                "query",
            ).mark("measured")
            budgets = {name: q.get("p95_ms") for name, q in self.data["queries"].items()}
            with ui.row().classes("w-full gap-4 no-wrap"):
                if any(q.get("kind") == "read" for q in queries.values()):
                    ui.echart(latency_chart(queries, budgets), theme=CHART_THEME).classes(
                        "flex-1 h-72"
                    ).mark("latency-chart")
                if any(q.get("kind") == "write" for q in queries.values()):
                    ui.echart(
                        writes_chart(queries, self.data["scale"]["write_rows_budget"]),
                        theme=CHART_THEME,
                    ).classes("flex-1 h-72").mark("writes-chart")
        if tables:
            with ui.row().classes("w-full gap-4 no-wrap items-start"):
                with ui.column().classes("flex-1"):
                    _table(
                        [
                            ("table", "table"),
                            ("rows", "rows"),
                            ("heap", "table"),
                            ("idx", "indexes"),
                        ],
                        [
                            {
                                "table": name,
                                "rows": f"{t['rows']:,}",
                                "heap": _bytes(t["table_bytes"]),
                                "idx": _bytes(t["index_bytes"]),
                            }
                            for name, t in tables.items()
                        ],
                        "table",
                    ).mark("tables")
                ui.echart(sizes_chart(tables), theme=CHART_THEME).classes("flex-1 h-64").mark(
                    "sizes-chart"
                )
        extrapolated = measured.get("extrapolated", {})
        for figures in extrapolated.values():
            if isinstance(figures, dict) and figures.get("says"):
                ui.label(f"At full scale: {figures['says']}.").classes("text-amber-300").mark(
                    "extrapolated"
                )
        if isinstance(extrapolated.get("note"), str):
            ui.label(extrapolated["note"]).classes("text-slate-400 text-sm")

    def grade_view(self, graded: DesignGrade) -> None:
        with ui.card().classes("w-full gap-2").mark("grade-result"):
            with ui.row().classes("items-baseline gap-3"):
                ui.label(f"{graded.score}/100").classes(
                    f"text-4xl font-bold {LEVEL_COLOURS.get(graded.level, '')}"
                ).mark("score")
                ui.badge(graded.level, color=LEVEL_BADGES.get(graded.level, "grey")).mark("level")
                for criterion, level in graded.criteria.items():
                    ui.badge(f"{criterion}: {level}", color=LEVEL_BADGES.get(level, "grey")).props(
                        "outline"
                    )
            for part in graded.parts.values():
                with ui.row().classes("w-full items-center gap-3 no-wrap").mark("part"):
                    ui.label(part["label"]).classes("w-28 shrink-0")
                    with ui.column().classes("flex-1 gap-0.5"):
                        ui.linear_progress(part["score"] / 100, show_value=False).props(
                            "color=teal size=12px rounded"
                        )
                        with ui.row().classes("w-full gap-1 no-wrap"):
                            ui.linear_progress(part["rubric"] / 100, show_value=False).props(
                                "color=blue-4 size=4px"
                            ).classes("flex-1")
                            if part["run"] is not None:
                                ui.linear_progress(part["run"] / 100, show_value=False).props(
                                    "color=amber size=4px"
                                ).classes("flex-1")
                    run_text = "" if part["run"] is None else f" · run {part['run']}"
                    ui.label(f"{part['score']} · written {part['rubric']}{run_text}").classes(
                        "w-48 shrink-0 text-right text-sm text-slate-300"
                    )
            ui.label(
                "teal: the part's score; blue: the written section by the rubric; amber: "
                "the run's checks of the part (Estimation: the estimates)"
            ).classes("text-xs text-slate-400")
        if graded.estimates:
            units = {e["name"]: e["unit"] for e in self.data["estimates"]}
            ui.label("Estimates").classes("text-lg")
            _table(
                [
                    ("label", "estimate"),
                    ("given", "yours"),
                    ("expected", "from the prompt"),
                    ("ratio", "ratio"),
                    ("verdict", "verdict"),
                    ("formula", "how"),
                ],
                [
                    {
                        "label": e.label,
                        "given": _estimate(e.given, units.get(e.name)),
                        "expected": _estimate(e.expected, units.get(e.name)),
                        "ratio": "" if e.ratio is None else f"{e.ratio:g}x",
                        "verdict": e.verdict,
                        "formula": e.formula,
                    }
                    for e in graded.estimates
                ],
                "label",
            ).mark("estimates")
        if graded.feedback:
            with ui.card().classes("w-full gap-1").mark("feedback"):
                ui.label("What to fix, most valuable first").classes("text-lg")
                for point in graded.feedback:
                    ui.label(f"· {point['message']}")
                    if point.get("evidence"):
                        ui.label(f"“{point['evidence']}”").classes(
                            "text-sm italic text-slate-400 ml-4"
                        )
        covered = graded.rubric.get("covered_detail", [])
        missing = graded.rubric.get("missing_detail", [])
        if covered or missing:
            ui.label(f"Concepts covered ({len(covered)}/{len(covered) + len(missing)})").classes(
                "text-lg"
            )
            labels = HEADINGS
            for item in covered:
                with ui.column().classes("gap-0").mark("covered"):
                    ui.label(
                        f"✓ {labels.get(item['part'], item['part'])}: {item['concept']}"
                    ).classes("text-green-400")
                    if item.get("evidence"):
                        ui.label(f"“{item['evidence']}”").classes(
                            "text-sm italic text-slate-400 ml-4"
                        )
            for item in missing:
                ui.label(f"✗ {labels.get(item['part'], item['part'])}: {item['concept']}").classes(
                    "text-red-300"
                ).mark("missing")

    @ui.refreshable_method
    def experiments(self) -> None:
        for result in self.proved or []:
            with ui.card().classes("w-full gap-2").mark("experiment"):
                ui.label(result.title).classes("text-lg")
                ui.label(result.explain).classes("text-slate-300")
                columns = [("variant", "variant"), ("passed", "all checks")]
                columns += [(f"m{i}", m) for i, m in enumerate(result.measure)]
                _table(
                    columns,
                    [
                        {
                            "variant": row["label"],
                            "passed": "✓" if row["passed"] else "✗",
                            **{
                                f"m{i}": _figure(row["figures"].get(m))
                                for i, m in enumerate(result.measure)
                            },
                        }
                        for row in result.rows
                    ],
                    "variant",
                ).mark("experiment-table")
                ui.echart(experiment_chart(result), theme=CHART_THEME).classes("w-full h-80").mark(
                    "experiment-chart"
                )

    @ui.refreshable_method
    def history_view(self) -> None:
        if not self.history:
            ui.label("No run yet.").classes("text-slate-400")
            return
        _table(
            [("when", "when"), ("what", "what"), ("passed", "all checks"), ("grade", "grade")],
            [
                {
                    "id": row["id"],
                    "when": row["created_at"][:19].replace("T", " "),
                    "what": "run" if row["score"] is None else "grade",
                    "passed": "✓" if row["passed"] else "✗",
                    "grade": "" if row["score"] is None else f"{row['score']} · {row['level']}",
                }
                for row in self.history
            ],
            "id",
        ).mark("history")


@route("/design/{prompt_id}")
async def design_page(prompt_id: str) -> None:
    with frame(prompt_id):
        design = safely(lambda: track(DesignTrack))
        if design is None:
            return
        data = await call(design.show, prompt_id)
        template = await call(design.template, prompt_id) if data is not None else None
        if data is None or template is None:
            ui.label(f"There is no design prompt {prompt_id!r}.").classes("text-lg").mark("unknown")
            ui.link("All design prompts", "/design")
            return
        page = DesignPage(design, data, template)
        page.build()
        await page.refresh_history()
        await page.restore_draft()
