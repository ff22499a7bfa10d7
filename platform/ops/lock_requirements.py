"""Regenerate requirements.txt and requirements-dev.txt from pyproject.toml (`make lock`).

Installs pyproject's ranges into a throwaway virtualenv, then pins the dependency closure of
the runtime packages and, separately, of the dev extras.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADER = (
    "# Pinned versions for a reproducible install; "
    "regenerate with `make lock` (sources: pyproject.toml).\n"
)
CLOSURE = r"""
import importlib.metadata as m, json, re
from packaging.requirements import Requirement
deps, extras, names = {}, {}, {}
norm = lambda name: re.sub(r'[-_.]+', '-', name).lower()
for d in m.distributions():
    key = norm(d.metadata['Name'])
    names[key] = (d.metadata['Name'], d.version)
    reqs = list(map(Requirement, d.requires or []))
    wants = lambda q, extra: q.marker.evaluate({'extra': extra}) if q.marker else not extra
    deps[key] = [norm(q.name) for q in reqs if wants(q, '')]
    extras[key] = {
        extra: [norm(q.name) for q in reqs if q.marker and wants(q, extra)]
        for extra in d.metadata.get_all('Provides-Extra') or []
    }
print(json.dumps({'deps': deps, 'extras': extras, 'names': names}))
"""


def norm(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]).lower()


def main() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = project["dependencies"]
    dev = project["optional-dependencies"]["dev"]
    with tempfile.TemporaryDirectory() as tmp:
        python = Path(tmp) / "bin" / "python"
        subprocess.run([sys.executable, "-m", "venv", tmp], check=True)
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "packaging", *runtime, *dev], check=True
        )
        info = json.loads(subprocess.check_output([python, "-c", CLOSURE]))

    def closure(roots: list[str]) -> set[str]:
        seen: set[str] = set()
        stack = [norm(r) for r in roots]
        # A root's extras (psycopg[binary]) bring their own packages.
        for root in roots:
            for extra in re.findall(r"\[([^\]]+)\]", root):
                for name in extra.split(","):
                    stack += info["extras"].get(norm(root), {}).get(name.strip(), [])
        while stack:
            name = stack.pop()
            if name in seen or name not in info["deps"]:
                continue
            seen.add(name)
            stack.extend(info["deps"][name])
        return seen

    def pins(keys: set[str]) -> str:
        return "".join(f"{info['names'][k][0]}=={info['names'][k][1]}\n" for k in sorted(keys))

    runtime_set = closure(runtime)
    dev_set = closure(runtime + dev) - runtime_set
    (ROOT / "requirements.txt").write_text(HEADER + pins(runtime_set))
    (ROOT / "requirements-dev.txt").write_text(HEADER + "-r requirements.txt\n" + pins(dev_set))


if __name__ == "__main__":
    main()
