from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pgdojo.content import load_problem, load_problems
from pgdojo.content.loader import BUILTIN_PROBLEMS
from pgdojo.errors import ContentError


def copy_problem(tmp_path: Path, source: str = "running-total", name: str = "my-problem") -> Path:
    target = tmp_path / "pack" / name
    shutil.copytree(BUILTIN_PROBLEMS / source, target)
    return target


def test_a_pack_adds_problems(tmp_path: Path) -> None:
    copy_problem(tmp_path)
    problems = load_problems((tmp_path / "pack",))
    assert "my-problem" in problems and "running-total" in problems
    assert problems["my-problem"].pack == "pack"


def test_bad_difficulty_names_file_and_field(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path)
    md = folder / "problem.md"
    md.write_text(md.read_text().replace("difficulty: easy", "difficulty: mid"))
    with pytest.raises(ContentError) as info:
        load_problem(folder)
    assert info.value.path.endswith("my-problem/problem.md")
    assert info.value.field == "difficulty"
    assert "'easy', 'medium' or 'hard'" in str(info.value)


def test_missing_hidden_dataset_file(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path)
    (folder / "datasets" / "refunds.sql").unlink()
    with pytest.raises(ContentError) as info:
        load_problem(folder)
    assert info.value.path.endswith("datasets/refunds.sql") and "missing" in str(info.value)


def test_undeclared_dataset_is_an_error(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path)
    (folder / "datasets" / "stray.sql").write_text("SELECT 1;")
    with pytest.raises(ContentError, match="not declared"):
        load_problem(folder)


def test_too_few_hints(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path)
    md = folder / "problem.md"
    text = md.read_text()
    start = text.index("hints:")
    end = text.index("hidden:")
    md.write_text(text[:start] + "hints:\n  - only one\n" + text[end:])
    with pytest.raises(ContentError) as info:
        load_problem(folder)
    assert info.value.field == "hints"


def test_broken_yaml_gives_the_line(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path)
    md = folder / "problem.md"
    md.write_text(md.read_text().replace("kind: query", "kind: [query"))
    with pytest.raises(ContentError, match="not valid YAML"):
        load_problem(folder)


def test_missing_front_matter(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path)
    (folder / "problem.md").write_text("# just markdown\n")
    with pytest.raises(ContentError, match="front matter"):
        load_problem(folder)


def test_duplicate_id_across_packs(tmp_path: Path) -> None:
    copy_problem(tmp_path, name="running-total")
    with pytest.raises(ContentError, match="already defined"):
        load_problems((tmp_path / "pack",))


def test_bad_folder_name(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path, name="Bad_Name")
    with pytest.raises(ContentError, match="not a valid id"):
        load_problem(folder)


def test_missing_pack_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="does not exist"):
        load_problems((tmp_path / "nope",))


def test_mutation_without_compare_tables(tmp_path: Path) -> None:
    folder = copy_problem(tmp_path, source="dedupe-keep-latest")
    md = folder / "problem.md"
    md.write_text(md.read_text().replace("compare_tables: [events]\n", ""))
    with pytest.raises(ContentError, match="compare_tables"):
        load_problem(folder)
