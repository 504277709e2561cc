"""The house: each layer of the package imports only from the layers below it (read with ast)."""

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "pipeline"
# Bottom to top. A module may import from its own layer's folder and from any layer below.
LAYERS = [
    {"resources"},
    {"config", "records"},
    {"text"},
    {"quotes"},
    {"speakers"},
    {"claims"},
    {"io"},
    {"components"},
    {"nlp"},
    {"engines"},
    {"tools", "measure"},  # what users run beside the extraction; what developers run to measure it
    {"cli"},
    {"__main__", "__init__"},
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}


def _room(module: str) -> str:
    """The layer name of a dotted module inside the package: pipeline.text.syntax -> text."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[str]:
    """Every module of the package that `path` imports, as a dotted name."""
    here = ["pipeline", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = here[:-1] if path.name != "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
            found += [n for n in names if n == "pipeline" or n.startswith("pipeline.")]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("pipeline")]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
NAMES = {".".join(["pipeline", *p.relative_to(PACKAGE).with_suffix("").parts]) for p in MODULES}


def test_architecture_every_module_is_in_a_layer():
    assert MODULES, "no modules found"
    rooms = {_room(".".join(["pipeline", *p.relative_to(PACKAGE).with_suffix("").parts])) for p in MODULES}
    assert rooms <= set(LEVEL), rooms - set(LEVEL)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture_imports_point_down(path: Path):
    own = _room(".".join(["pipeline", *path.relative_to(PACKAGE).with_suffix("").parts]))
    upward = []
    for module in _imports(path):
        room = _room(module)
        if room == "__init__" and module == "pipeline" and own != "__init__":
            upward.append(module)  # the package's face sits on top: nothing inside imports it
        elif room != own and LEVEL[room] >= LEVEL[own]:  # one level: rooms side by side, not importing
            upward.append(module)
    assert upward == [], f"{path.relative_to(PACKAGE)} imports from its own level or above: {upward}"


def test_architecture_no_import_cycle():
    """No module imports itself back through others (the layers forbid it across folders; this
    holds it inside a folder too)."""
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        name = ".".join(["pipeline", *path.relative_to(PACKAGE).with_suffix("").parts])
        graph[name] = {m for m in _imports(path) if m in NAMES}
    assert graph, "no modules read"
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            assert state.get(nxt) != 1, f"import cycle: {' -> '.join([*trail, node, nxt])}"
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [])


# About the size of one concern: a module outside tools/ and measure/ that grows past it is split.
MAX_LINES = 360


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture_no_module_of_the_extraction_is_over_the_size_of_one_concern(path: Path):
    room = _room(".".join(["pipeline", *path.relative_to(PACKAGE).with_suffix("").parts]))
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert room in ("tools", "measure") or lines <= MAX_LINES, f"{path.name}: {lines} lines"
