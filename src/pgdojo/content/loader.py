"""Find and load problem folders: the built-in bank plus packs from folders.

A problem folder (see docs/content-packs.md):

    <id>/problem.md        YAML front matter + Markdown statement
    <id>/schema.sql        the tables (run by the judge in a fresh schema)
    <id>/datasets/*.sql    sample.sql (visible) and one file per hidden case
    <id>/solution.sql      the reference solution
    <id>/editorial.md      why it works, the pitfall, the index that makes it fast
    <id>/slow.sql          optimize problems: the slow query the candidate improves
    <id>/wrong/*.sql       optional plausible wrong answers, each rejected by a hidden case
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pgdojo.content.models import ID_PATTERN, Dataset, Problem, ProblemKind, ProblemMeta
from pgdojo.content.sqlscript import expand_sql_script
from pgdojo.content.topic_models import Card, Experiment, Topic, TopicMeta
from pgdojo.errors import ContentError

BUILTIN_PROBLEMS = Path(str(resources.files("pgdojo.content") / "problems"))
BUILTIN_TOPICS = Path(str(resources.files("pgdojo.content") / "topics"))


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Split '---\\nYAML\\n---\\nMarkdown' into the parsed YAML mapping and the body."""
    if not text.startswith("---"):
        raise ContentError(str(path), "must start with a YAML front matter block ('---')")
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise ContentError(str(path), "front matter is not closed by a line '---'")
    head, body = parts[0][3:], parts[1].lstrip("-").lstrip("\n")
    try:
        data = yaml.safe_load(head)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise ContentError(str(path), f"front matter is not valid YAML{where}: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError(str(path), "front matter must be a YAML mapping")
    return data, body.strip()


def read_content(path: Path, required: bool = True) -> str:
    """A content file's text, stripped; a missing, unreadable or empty file is a ContentError
    naming it (never a traceback: a wheel that lost a file says which)."""
    if not path.exists():
        if required:
            raise ContentError(str(path), "file is missing")
        return ""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except UnicodeDecodeError as exc:
        raise ContentError(str(path), f"is not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise ContentError(str(path), f"cannot be read ({exc.strerror})") from exc
    if required and not text:
        raise ContentError(str(path), "file is empty")
    return text


def read_sql(path: Path, root: Path, required: bool = True) -> str:
    """A content SQL file with its `\\ir` includes and COPY data expanded (sqlscript.py)."""
    if not required and not path.exists():
        return ""
    return expand_sql_script(path, root, read_content)


def load_problem(folder: Path, pack: str = "builtin", root: Path | None = None) -> Problem:
    """Load and validate one problem folder; raises ContentError naming file, field, reason.
    `root`: the pack's folder, which SQL includes may not leave (default: the parent)."""
    root = root or folder.parent
    problem_id = folder.name
    if not ID_PATTERN.match(problem_id):
        raise ContentError(
            str(folder),
            f"folder name {problem_id!r} is not a valid id (lower-case letters, digits and dashes)",
        )
    md_path = folder / "problem.md"
    data, statement = split_front_matter(read_content(md_path), md_path)
    meta = _validated(ProblemMeta, data, md_path)
    if not statement:
        raise ContentError(str(md_path), "the statement (Markdown after the front matter) is empty")

    data_dir = folder / "datasets"
    datasets = [Dataset(name="sample", sql=read_sql(data_dir / "sample.sql", root), hidden=False)]
    for case in meta.hidden:
        required = meta.kind is not ProblemKind.SCHEMA
        datasets.append(
            Dataset(
                name=case.name,
                sql=read_sql(data_dir / f"{case.name}.sql", root, required=required),
                hidden=True,
                catches=case.catches,
            )
        )
    if data_dir.exists():
        declared = {d.name for d in datasets}
        for extra in sorted(data_dir.glob("*.sql")):
            if extra.stem not in declared:
                raise ContentError(
                    str(extra), "dataset is not declared in `hidden` of problem.md", field="hidden"
                )

    wrong_dir = folder / "wrong"
    wrong = (
        {p.stem: read_content(p) for p in sorted(wrong_dir.glob("*.sql"))}
        if wrong_dir.exists()
        else {}
    )
    slow = read_content(folder / "slow.sql", required=meta.kind is ProblemKind.OPTIMIZE) or None
    schema_required = meta.kind is not ProblemKind.SCHEMA
    return Problem(
        id=problem_id,
        meta=meta,
        statement=statement,
        schema_sql=read_sql(folder / "schema.sql", root, required=schema_required),
        datasets=datasets,
        solution=read_content(folder / "solution.sql"),
        editorial=read_content(folder / "editorial.md"),
        slow_query=slow,
        wrong_solutions=wrong,
        source=str(folder),
        pack=pack,
    )


def _validated(model: Any, data: Any, path: Path) -> Any:
    """model.model_validate(data), with the first error as a ContentError naming the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        raise ContentError(str(path), first["msg"], field=field) from exc


def problem_folders(root: Path) -> list[Path]:
    """Problem folders of a pack: `root/problems/*/` if it exists, else `root/*/`."""
    base = root / "problems" if (root / "problems").is_dir() else root
    return sorted(p for p in base.iterdir() if p.is_dir() and (p / "problem.md").exists())


def load_problems(extra_packs: tuple[Path, ...] = ()) -> dict[str, Problem]:
    """The built-in problems, then each pack's; a pack may not redefine an existing id."""
    problems: dict[str, Problem] = {}
    sources = [(BUILTIN_PROBLEMS, "builtin")] + [(p, p.name) for p in extra_packs]
    for root, pack in sources:
        if not root.is_dir():
            raise ContentError(str(root), "content pack folder does not exist")
        for folder in problem_folders(root):
            problem = load_problem(folder, pack=pack, root=root)
            if problem.id in problems:
                raise ContentError(
                    str(folder),
                    f"problem id {problem.id!r} is already defined "
                    f"by {problems[problem.id].source}",
                )
            problems[problem.id] = problem
    return problems


# -- deep-dive topics ------------------------------------------------------------------------


def _section(body: str, heading: str, path: Path) -> str:
    """The Markdown under `## heading`, up to the next `## `."""
    marker = f"## {heading}"
    start = body.find(marker)
    if start == -1:
        raise ContentError(str(path), f"the model answer section '{marker}' is missing")
    rest = body[start + len(marker) :]
    end = rest.find("\n## ")
    text = (rest if end == -1 else rest[:end]).strip()
    if not text:
        raise ContentError(str(path), f"the section '{marker}' is empty")
    return text


def load_topic(folder: Path, pack: str = "builtin") -> Topic:
    """Load and validate one topic folder; raises ContentError naming file, field, reason."""
    topic_id = folder.name
    if not ID_PATTERN.match(topic_id):
        raise ContentError(str(folder), f"folder name {topic_id!r} is not a valid id")
    md_path = folder / "topic.md"
    data, body = split_front_matter(read_content(md_path), md_path)
    meta = _validated(TopicMeta, data, md_path)
    cards_path = folder / "cards.yaml"
    try:
        raw_cards = yaml.safe_load(read_content(cards_path)) or []
    except yaml.YAMLError as exc:
        raise ContentError(str(cards_path), f"not valid YAML: {exc}") from exc
    if not isinstance(raw_cards, list):
        raise ContentError(str(cards_path), "must be a YAML list of cards")
    cards = []
    for index, raw in enumerate(raw_cards):
        try:
            cards.append(Card.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = f"[{index}]." + ".".join(str(p) for p in first["loc"])
            raise ContentError(str(cards_path), first["msg"], field=field) from exc
    experiment = None
    experiment_path = folder / "experiment.yaml"
    if experiment_path.exists():
        try:
            raw_experiment = yaml.safe_load(read_content(experiment_path))
        except yaml.YAMLError as exc:
            raise ContentError(str(experiment_path), f"not valid YAML: {exc}") from exc
        experiment = _validated(Experiment, raw_experiment, experiment_path)
    answers_dir = folder / "answers"
    samples = (
        {p.stem: read_content(p) for p in sorted(answers_dir.glob("*.md"))}
        if answers_dir.is_dir()
        else {}
    )
    return Topic(
        id=topic_id,
        meta=meta,
        senior_answer=_section(body, "Senior answer", md_path),
        staff_answer=_section(body, "Staff answer", md_path),
        cards=cards,
        experiment=experiment,
        sample_answers=samples,
        source=str(folder),
        pack=pack,
    )


def load_topics(extra_packs: tuple[Path, ...] = ()) -> dict[str, Topic]:
    """Built-in topics, then each pack's `topics/` folder; ids and card ids must be unique."""
    topics: dict[str, Topic] = {}
    card_owner: dict[str, str] = {}
    roots = [(BUILTIN_TOPICS, "builtin")] + [(p / "topics", p.name) for p in extra_packs]
    for root, pack in roots:
        if not root.is_dir():
            continue
        for folder in sorted(p for p in root.iterdir() if (p / "topic.md").exists()):
            topic = load_topic(folder, pack)
            if topic.id in topics:
                raise ContentError(str(folder), f"topic id {topic.id!r} is already defined")
            for card in topic.cards:
                if card.id in card_owner:
                    raise ContentError(
                        f"{folder}/cards.yaml",
                        f"card id {card.id!r} is already used by topic {card_owner[card.id]!r}",
                        field="id",
                    )
                card_owner[card.id] = topic.id
            topics[topic.id] = topic
    return topics
