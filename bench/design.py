"""Design benchmark: prints one JSON object with, per prompt, the seconds a run of its staff
design takes at the prompt's scale (the target: under 60 s on 2 cores), and the share of it
spent loading the base data, as a ratio of the same run.

    python bench/design.py [PROMPT ...]

Runs on its own embedded PostgreSQL (a temporary PGDOJO_HOME unless one is set).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from pgdojo.config import Settings
from pgdojo.content.design import load_prompts
from pgdojo.engine import EmbeddedServer, Engine
from pgdojo.tracks.design.runner import DesignRunner
from pgdojo.tracks.design.submission import parse_submission

TARGET_S = 60.0


def main(ids: list[str]) -> None:
    home = os.environ.get("PGDOJO_HOME") or tempfile.mkdtemp(prefix="pgdojo-bench-")
    engine = Engine.from_settings(Settings(home=Path(home), user="bench")).start()
    runner = DesignRunner(engine)
    prompts = load_prompts()
    report: dict[str, dict[str, object]] = {}
    try:
        for prompt_id in ids or sorted(prompts):
            prompt = prompts[prompt_id]
            result = runner.run(prompt, parse_submission(prompt.designs["staff"].text, prompt))
            base = float(result.measured.get("base_data_s", 0.0))
            report[prompt_id] = {
                "run_s": round(result.seconds, 2),
                "within_target": result.seconds < TARGET_S,
                "base_data_share": round(base / result.seconds, 3) if result.seconds else None,
                "passed": result.passed,
            }
    finally:
        if isinstance(engine.server, EmbeddedServer):
            engine.server.stop()
    print(json.dumps({"target_s": TARGET_S, "prompts": report}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
