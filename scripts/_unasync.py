"""Writes the async API v3 resources (`pycrucible/_async/<x>.py`) from the sync ones.

One source of truth: every `pycrucible/_v3/<x>.py` listed in `MODULES` is rewritten into its
async twin, and mypy then checks the output against the generated `asyncio_detailed` functions
exactly as it checks the sync side against `sync_detailed`. The rewrite reads the module's
syntax tree (never regular expressions over code) and changes only:

* names (`NAMES`): `sync_detailed` -> `asyncio_detailed`, `invoke` -> `ainvoke`, the pages and
  core classes -> their async twins, and every class of a rewritten module -> `Async<Name>`;
* imports of the rewritten and the I/O modules (`SWAPS`) -> their `pycrucible._async` twins;
* `def` -> `async def` for every function whose own body awaits something, repeated until
  nothing changes: a call of `invoke` / `invoke_idempotent` / `wait_for_request`, of a method
  (of the class, its bases, or a resource attribute typed in `__init__`) or function that became
  async, or of a parameter typed `Callable[..., R]` with `R` in `AWAITED_RESULTS` (the type
  becomes `Callable[..., Awaitable[R]]`);
* `await` before each such call (in parentheses where the call is followed by `.x`, `[i]` or
  `(...)`); lambdas are left as they are: a lambda calling an async function returns its
  coroutine, which is what the async helpers that take it expect;
* `for` -> `async for` over a method that returns pages, and `await` before their
  `.to_list()` / `.count()`.

Then `ruff` sorts the imports and formats the text, and each file gets a header naming its
source. What does not translate this way is factored into shared, I/O-free code in the sync
modules (for example the wait's decisions, `pycrucible._wait.RequestWatch`), never special-cased
here.

Usage (through `scripts/unasync`): `scripts/unasync` rewrites the files; `scripts/unasync
--check` changes nothing and fails listing every file that differs (run by `scripts/test`).
"""

from __future__ import annotations

import argparse
import ast
import bisect
import io
import os
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

from _unasync_model import (
    AWAITED_FUNCTIONS,
    BASE_ASYNC_METHODS,
    HEADER,
    MODULES,
    NAMES,
    PAGE_CONSUMERS,
    ROOT,
    SOURCE_DIR,
    SWAPS,
    TARGET_DIR,
    ClassInfo,
    Edit,
    FunctionNode,
    Module,
    awaited_result,
    chain_root,
    end_of,
    own_nodes,
)


class Rewrite:
    """The whole-package analysis (which functions become async) and each module's rewrite."""

    def __init__(self, modules: dict[str, Module]) -> None:
        self.modules = modules
        self.classes: dict[str, ClassInfo] = {}
        for module in modules.values():
            self.classes.update(module.classes)
        self.async_functions: set[FunctionNode] = set()
        self.owner: dict[FunctionNode, tuple[Module, ClassInfo | None]] = {}
        for module in modules.values():
            for node in ast.walk(module.tree):
                if isinstance(node, ast.FunctionDef):
                    parent = module.parents.get(node)
                    cls = (
                        module.classes.get(parent.name)
                        if isinstance(parent, ast.ClassDef)
                        else None
                    )
                    self.owner[node] = (module, cls)
        self._settle()

    # Which functions are async

    def _settle(self) -> None:
        changed = True
        while changed:
            changed = False
            for function, (module, cls) in self.owner.items():
                if function in self.async_functions:
                    continue
                if any(self._needs_async(module, function, node) for node in own_nodes(function)):
                    self.async_functions.add(function)
                    changed = True
                elif cls is not None and self._overridden_async(cls, function.name):
                    # A base method whose override is async (a hook such as `_mfid`) is
                    # async too, so that its callers await either one.
                    self.async_functions.add(function)
                    changed = True

    def _overridden_async(self, cls: ClassInfo, name: str) -> bool:
        for other in self.classes.values():
            if cls.name in other.bases and name in other.methods:
                if other.methods[name] in self.async_functions:
                    return True
                if self._overridden_async(other, name):
                    return True
        return False

    def _needs_async(self, module: Module, function: FunctionNode, node: ast.AST) -> bool:
        if isinstance(node, ast.Call) and self.awaited(module, node):
            return True
        return self.async_loop(module, node)

    def _method(self, class_name: str, name: str) -> ast.FunctionDef | str | None:
        """The method `name` of a class or its bases (a name for the hand-written bases)."""
        seen: set[str] = set()
        todo = [class_name]
        while todo:
            current = todo.pop(0)
            if current in seen:
                continue
            seen.add(current)
            if name in BASE_ASYNC_METHODS.get(current, ()):
                return current
            info = self.classes.get(current)
            if info is None:
                continue
            if name in info.methods:
                return info.methods[name]
            todo.extend(info.bases)
        return None

    def _target(self, module: Module, call: ast.Call) -> ast.FunctionDef | str | None:
        """The function a call reaches, when the rewrite can tell."""
        func = call.func
        if isinstance(func, ast.Name):
            if func.id in AWAITED_FUNCTIONS:
                return func.id
            if func.id in module.functions:
                return module.functions[func.id]
            if func.id in module.imports:
                source, name = module.imports[func.id]
                if source in self.modules:
                    return self.modules[source].functions.get(name)
            return self._local(module, call, func.id)
        if not isinstance(func, ast.Attribute):
            return None
        start, names = chain_root(func)
        if not isinstance(start, ast.Name) or start.id != "self":
            return None
        cls = self._class_of(module, call)
        if cls is None:
            return None
        if len(names) == 1:
            return self._method(cls.name, names[0])
        if len(names) == 2 and names[0] in cls.attributes:
            return self._method(cls.attributes[names[0]], names[1])
        return None

    def _local(self, module: Module, node: ast.AST, name: str) -> ast.FunctionDef | str | None:
        """A nested function or awaited callable parameter `name` seen from `node`."""
        current = module.parents.get(node)
        while current is not None:
            if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef):
                for item in current.body:
                    if isinstance(item, ast.FunctionDef) and item.name == name:
                        return item
                arguments = current.args.args + current.args.kwonlyargs
                for argument in arguments:
                    if argument.arg == name and awaited_result(argument.annotation) is not None:
                        return "parameter"
            current = module.parents.get(current)
        return None

    def _class_of(self, module: Module, node: ast.AST) -> ClassInfo | None:
        current = module.parents.get(node)
        while current is not None:
            if isinstance(current, ast.ClassDef):
                return module.classes.get(current.name)
            current = module.parents.get(current)
        return None

    def _in_lambda(self, module: Module, node: ast.AST) -> bool:
        current = module.parents.get(node)
        while current is not None and not isinstance(current, ast.FunctionDef):
            if isinstance(current, ast.Lambda):
                return True
            current = module.parents.get(current)
        return False

    def _returns_pages(self, target: ast.FunctionDef | str | None) -> bool:
        return (
            isinstance(target, ast.FunctionDef)
            and target.returns is not None
            and "Pages[" in ast.unparse(target.returns)
        )

    def awaited(self, module: Module, call: ast.Call) -> bool:
        """Whether the async side awaits this call."""
        if self._in_lambda(module, call):
            return False
        func = call.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in PAGE_CONSUMERS
            and isinstance(func.value, ast.Call)
            and self._returns_pages(self._target(module, func.value))
        ):
            return True
        target = self._target(module, call)
        if isinstance(target, str):  # an awaited function, parameter or base-class method
            return True
        return target is not None and target in self.async_functions

    def async_loop(self, module: Module, node: ast.AST) -> bool:
        """Whether a `for` or comprehension iterates async pages."""
        if isinstance(node, ast.For | ast.comprehension) and isinstance(node.iter, ast.Call):
            return self._returns_pages(self._target(module, node.iter))
        return False

    # The text

    def edits(self, module: Module) -> list[Edit]:
        edits: list[Edit] = []
        tokens = list(tokenize.generate_tokens(io.StringIO(module.source).readline))
        names = self._names()
        for token in tokens:
            if token.type == tokenize.NAME and token.string in names:
                edits.append(self._replace(module, token.start, token.end, names[token.string]))
            elif token.type == tokenize.STRING and token.string[1:-1] in self.classes:
                # `__all__` entries name the classes too
                quote = token.string[0]
                renamed = f"{quote}{names[token.string[1:-1]]}{quote}"
                edits.append(self._replace(module, token.start, token.end, renamed))
        for node in ast.walk(module.tree):
            if isinstance(node, ast.FunctionDef) and node in self.async_functions:
                edits.append(self._insert(module, node.lineno, node.col_offset, "async "))
            elif isinstance(node, ast.Call) and self.awaited(module, node):
                parent = module.parents.get(node)
                wrap = (
                    isinstance(parent, ast.Attribute | ast.Subscript) and parent.value is node
                ) or (isinstance(parent, ast.Call) and parent.func is node)
                edits.append(
                    self._insert(
                        module, node.lineno, node.col_offset, "(await " if wrap else "await "
                    )
                )
                if wrap:
                    edits.append(self._insert(module, *end_of(node), ")"))
            elif isinstance(node, ast.For) and self.async_loop(module, node):
                edits.append(self._insert(module, node.lineno, node.col_offset, "async "))
            elif isinstance(node, ast.comprehension) and self.async_loop(module, node):
                edits.append(self._before_for(module, tokens, node.target))
            elif isinstance(node, ast.arg):
                result = awaited_result(node.annotation)
                if result is not None:
                    edits.append(
                        self._insert(module, result.lineno, result.col_offset, "Awaitable[")
                    )
                    edits.append(self._insert(module, *end_of(result), "]"))
        return edits

    def _names(self) -> dict[str, str]:
        names = dict(NAMES)
        for name in self.classes:
            names[name] = "Async" + name
        return names

    @staticmethod
    def _insert(module: Module, line: int, column: int, text: str) -> Edit:
        return Edit(line, column, column, text.encode())

    @staticmethod
    def _replace(module: Module, start: tuple[int, int], end: tuple[int, int], text: str) -> Edit:
        # tokenize counts characters; the edits count bytes (as the syntax tree does)
        line = module.lines[start[0]].decode()
        return Edit(
            start[0],
            len(line[: start[1]].encode()),
            len(line[: end[1]].encode()),
            text.encode(),
        )

    def _before_for(
        self, module: Module, tokens: list[tokenize.TokenInfo], target: ast.expr
    ) -> Edit:
        line = module.lines[target.lineno].decode()
        where = (target.lineno, len(line.encode()[: target.col_offset].decode()))
        starts = [t.start for t in tokens]
        index = bisect.bisect_left(starts, where) - 1
        while tokens[index].string != "for":
            index -= 1
        token = tokens[index]
        return self._replace(module, token.start, token.start, "async ")

    def text(self, module: Module) -> str:
        lines = list(module.lines)
        by_line: dict[int, list[Edit]] = {}
        for edit in self.edits(module):
            by_line.setdefault(edit.line, []).append(edit)
        for number, edits in by_line.items():
            data = lines[number]
            # Right to left; at one column the replacement first, then what goes before it.
            for edit in sorted(edits, key=lambda e: (e.start, e.end > e.start), reverse=True):
                data = data[: edit.start] + edit.text + data[edit.end :]
            lines[number] = data
        text = b"".join(lines).decode()
        out: list[str] = []
        for line in text.splitlines(keepends=True):
            if line.startswith("from "):
                parts = line.split(" ", 2)
                module_name = parts[1]
                if module_name in SWAPS:
                    parts[1] = SWAPS[module_name]
                elif module_name.startswith("pycrucible._v3."):
                    short = module_name.rsplit(".", 1)[1]
                    if short in MODULES:
                        parts[1] = f"pycrucible._async.{short}"
                line = " ".join(parts)
            out.append(line)
        text = "".join(out)
        if "Awaitable[" in text:
            text = text.replace(
                "from __future__ import annotations\n",
                "from __future__ import annotations\n\nfrom collections.abc import Awaitable\n",
                1,
            )
        return text


def _ruff(text: str, path: Path) -> str:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    for args in (
        ["check", "--fix-only", "--exit-zero", "--select", "I,F401,RUF022", "--quiet"],
        ["format", "--quiet"],
    ):
        done = subprocess.run(
            [ruff, *args, "--stdin-filename", str(path), "-"],
            input=text,
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"ruff {args[0]} failed on {path}:\n{done.stderr}")
        text = done.stdout
    return text


def render(root: Path = ROOT, modules: tuple[str, ...] | None = None) -> dict[Path, str]:
    """The async files (paths relative to `root`) and their text, from the sync modules
    (`MODULES` when None)."""
    parsed = {
        name: Module(name, (root / SOURCE_DIR / f"{name}.py").read_text(encoding="utf-8"))
        for name in (MODULES if modules is None else modules)
    }
    rewrite = Rewrite(parsed)
    files: dict[Path, str] = {}
    for name, module in parsed.items():
        path = TARGET_DIR / f"{name}.py"
        header = HEADER.format(source=(SOURCE_DIR / f"{name}.py").as_posix())
        files[path] = _ruff(header + rewrite.text(module), root / path)
    return files


def main(argv: list[str] | None = None) -> int:
    """Writes the async modules, or with `--check` lists those that differ (exit 1)."""
    parser = argparse.ArgumentParser(prog="scripts/unasync", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail on drift")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root: Path = args.root
    files = render(root)
    stale = [
        path
        for path, text in sorted(files.items())
        if not (root / path).exists() or (root / path).read_text(encoding="utf-8") != text
    ]
    if args.check:
        if stale:
            sys.stderr.write("scripts/unasync --check: out of date (run scripts/unasync):\n")
            for path in stale:
                sys.stderr.write(f"  {path}\n")
            return 1
        sys.stdout.write(f"scripts/unasync --check: {len(files)} modules match their sources\n")
        return 0
    for path in stale:
        (root / path).write_text(files[path], encoding="utf-8")
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
