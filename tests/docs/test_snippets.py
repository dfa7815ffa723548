"""Every fenced ```python block of the documentation runs, against the local server.

Each page runs in a namespace of its own, its blocks in the order they appear (as a reader
pastes them), in a fresh temporary working directory, with no CRUCIBLE_* setting and no config
file of the machine's user in sight. A ```python notest block (it needs a real cluster, a
browser or the network) is not run; console, bash and other blocks are never run.

A page without a runnable block must be listed in PROSE_ONLY, so this test cannot pass on
nothing: a new page either shows code that runs or says that it has none.
"""

from __future__ import annotations

import gc
import os
import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pycrucible import CrucibleClient
from pycrucible._config_legacy import LEGACY_ENV_VARS
from pycrucible.testing import LocalCrucible

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Pages with no runnable block on purpose: the reference (rendered from docstrings), the
# changelog and the performance report (numbers, not code).
PROSE_ONLY = frozenset(
    {
        "changelog.md",
        "performance.md",
        "reference/async.md",
        "reference/client.md",
        "reference/errors.md",
        "reference/fs.md",
        "reference/notebooks.md",
        "reference/parsers.md",
        "reference/testing.md",
        "reference/v3.md",
    }
)

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")


@dataclass(frozen=True)
class Block:
    """One fenced block of a page."""

    page: str
    line: int  # 1-based line number of the opening fence
    info: str  # the words after the fence: "python", "python notest", "bash", ...
    code: str

    @property
    def runs(self) -> bool:
        words = self.info.split()
        return bool(words) and words[0] == "python" and "notest" not in words[1:]


def fenced_blocks(text: str, page: str) -> list[Block]:
    """The fenced blocks of a Markdown page, with their opening line numbers.

    Args:
        text: The page.
        page: Its path under docs/, for messages.

    Returns:
        The blocks, in order; an unclosed fence is an error.
    """
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        body: list[str] = []
        end = index + 1
        while end < len(lines):
            closing = FENCE.match(lines[end])
            if (
                closing is not None
                and closing["fence"].startswith(fence[0])
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            line = lines[end]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            end += 1
        else:
            raise AssertionError(f"{page}:{index + 1}: fence never closed")
        blocks.append(Block(page, index + 1, opening["info"].strip(), "\n".join(body) + "\n"))
        index = end + 1
    return blocks


def pages() -> list[str]:
    return sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def page_blocks(page: str, docs: Path = DOCS) -> list[Block]:
    return fenced_blocks((docs / page).read_text(encoding="utf-8"), page)


def test_the_fence_reader_finds_blocks_lines_and_notest() -> None:
    text = "# t\n\n```python\nx = 1\n```\n\n- item\n\n    ```python notest\n    y = 2\n    ```\n"
    text += "\n```bash\nls\n```\n"
    blocks = fenced_blocks(text, "t.md")
    assert [(b.line, b.info, b.runs) for b in blocks] == [
        (3, "python", True),
        (9, "python notest", False),
        (13, "bash", False),
    ]
    assert blocks[1].code == "y = 2\n"
    with pytest.raises(AssertionError, match="never closed"):
        fenced_blocks("```python\nx = 1\n", "t.md")


def test_every_page_runs_code_or_is_listed_as_prose_only() -> None:
    found = pages()
    assert "index.md" in found
    assert "getting-started.md" in found
    for page in found:
        runnable = [block for block in page_blocks(page) if block.runs]
        if page in PROSE_ONLY:
            assert not runnable, f"{page} has runnable blocks: take it off PROSE_ONLY"
        else:
            assert runnable, f"{page} has no ```python block: add one, or list it in PROSE_ONLY"
    assert sorted(PROSE_ONLY - set(found)) == [], "PROSE_ONLY names pages that do not exist"


def test_a_notest_block_renders_as_python_on_the_site() -> None:
    markdown = pytest.importorskip("markdown")
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name.startswith("pymdownx.") and name != "pymdownx.snippets":
            extensions[name] = options or {}
    html = markdown.markdown(
        "```python notest\nvalue = 1\n```\n",
        extensions=list(extensions),
        extension_configs=extensions,
    )
    assert '<div class="highlight">' in html
    assert "notest" not in html


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh working directory, and no setting of this machine's user in sight.

    A page may set environment variables itself (the fsspec guide sets `CRUCIBLE_API_URL`
    for its workers): the environment is put back as it was after every page, so no later
    test inherits them.
    """
    for name in list(os.environ):
        if name.startswith("CRUCIBLE_") or name in LEGACY_ENV_VARS:
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = dict(os.environ)
    yield work
    os.environ.clear()
    os.environ.update(before)


def _close_leftovers(namespace: dict[str, Any]) -> None:
    """Closes the clients and stops the servers a failed page left behind."""
    for value in namespace.values():
        if isinstance(value, CrucibleClient):
            value.close()
    for value in namespace.values():
        if isinstance(value, LocalCrucible):
            value.stop()


def run_page(page: str, docs: Path = DOCS) -> int:
    """Runs a page's blocks in order in one namespace; returns how many ran.

    Raises:
        pytest.fail.Exception: A block raised; the message names the page, the block's line
            and the error, with the traceback lines of the page itself.
    """
    namespace: dict[str, Any] = {"__name__": f"docs.{page}"}
    ran = 0
    try:
        for block in page_blocks(page, docs):
            if not block.runs:
                continue
            # Line numbers in tracebacks are the page's own: the code starts after the fence.
            code = compile("\n" * block.line + block.code, str(docs / page), "exec")
            try:
                exec(code, namespace)
            except Exception as exc:
                where = [
                    line
                    for line in traceback.format_exception(exc)
                    if str(docs / page) in line or not line.startswith("  File")
                ]
                pytest.fail(
                    f"{page}: the block at line {block.line} failed: "
                    f"{type(exc).__name__}: {exc}\n{''.join(where)}",
                    pytrace=False,
                )
            ran += 1
    finally:
        _close_leftovers(namespace)
        gc.collect()
    return ran


@pytest.mark.parametrize("page", [p for p in pages() if p not in PROSE_ONLY])
def test_every_snippet_of_the_page_runs(page: str, isolated: Path) -> None:
    assert run_page(page) >= 1


def test_a_failing_block_names_the_page_line_and_error(isolated: Path) -> None:
    broken = "# broken\n\nSome words.\n\n```python\nvalue = 1\n```\n\n```python\n"
    broken += "value = value + 1\nraise RuntimeError(f'value is {value}')\n```\n"
    fake_docs = isolated / "docs"
    fake_docs.mkdir()
    (fake_docs / "broken.md").write_text(broken)
    with pytest.raises(pytest.fail.Exception) as failed:
        run_page("broken.md", fake_docs)
    message = str(failed.value)
    assert "broken.md: the block at line 9 failed: RuntimeError: value is 2" in message
    assert "line 11" in message  # the traceback points into the page itself
