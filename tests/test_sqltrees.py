"""The judge's parse is pglast's, only faster: the same trees, and pglast's checks restored."""

from __future__ import annotations

import threading

import pglast
import pytest
from pglast import ast
from pglast.parser import ParseError

from pgdojo.content import load_problems
from pgdojo.sqltrees import parse_sql


def bank_texts() -> list[str]:
    texts = []
    for problem in load_problems().values():
        texts.append(problem.solution)
        texts.extend(problem.wrong_solutions.values())
        if problem.slow_query:
            texts.append(problem.slow_query)
    return texts


def test_the_trees_are_pglasts_node_for_node() -> None:
    texts = bank_texts()
    assert len(texts) > 300
    for text in texts:
        # Node equality compares every attribute but the statement's length, recursively.
        fast, checked = parse_sql(text), tuple(pglast.parse_sql(text))
        assert fast == checked, text
        assert [r.stmt_len for r in fast] == [r.stmt_len for r in checked]


def test_pglasts_attribute_check_is_back_after_a_parse_and_after_an_error() -> None:
    parse_sql("SELECT 1")
    with pytest.raises(ValueError):
        ast.SelectStmt().limitOption = ast.String("no")
    with pytest.raises(ParseError):
        parse_sql("SELEC 1")
    with pytest.raises(ValueError):
        ast.SelectStmt().all = "not a bool"


def test_parses_from_many_threads_agree() -> None:
    texts = bank_texts()[:60]
    expected = [tuple(pglast.parse_sql(t)) for t in texts]
    failures: list[str] = []

    def parse_all() -> None:
        for _ in range(3):
            for text, want in zip(texts, expected, strict=True):
                if parse_sql(text) != want:
                    failures.append(text)

    threads = [threading.Thread(target=parse_all) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with pytest.raises(ValueError):
        ast.SelectStmt().all = "not a bool"
