"""Wiring: settings → engine → store, content, tracks. Built once per process, lazily."""

from __future__ import annotations

from functools import cached_property

from pgdojo.config import Settings
from pgdojo.content import Problem, load_problems
from pgdojo.content.loader import load_topics
from pgdojo.content.topic_models import Topic
from pgdojo.engine import Engine
from pgdojo.store import Store
from pgdojo.store.deepdive import DeepDiveStore
from pgdojo.tracks.deepdive import DeepDiveTrack
from pgdojo.tracks.lab.service import LabTrack
from pgdojo.tracks.sql import Judge, Sandbox, SqlTrack


class Services:
    """The service layer every interface uses. Nothing starts until first needed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def engine(self) -> Engine:
        return Engine.from_settings(self.settings).start()

    @cached_property
    def store(self) -> Store:
        return Store(self.engine.store_conninfo(), self.settings.user)

    @cached_property
    def problems(self) -> dict[str, Problem]:
        return load_problems(self.settings.content_dirs)

    @cached_property
    def topics(self) -> dict[str, Topic]:
        return load_topics(self.settings.content_dirs)

    @cached_property
    def deepdive(self) -> DeepDiveTrack:
        return DeepDiveTrack(self.topics, DeepDiveStore(self.store), self.engine)

    @cached_property
    def lab(self) -> LabTrack:
        return LabTrack(self.settings.home, self.store)

    @cached_property
    def sandbox(self) -> Sandbox:
        return Sandbox(self.engine.sandbox_conninfo())

    @cached_property
    def sql(self) -> SqlTrack:
        return SqlTrack(self.problems, Judge(self.sandbox), self.store)

    def close(self) -> None:
        if "sandbox" in self.__dict__:
            self.sandbox.close()
        if "store" in self.__dict__:
            self.store.close()
