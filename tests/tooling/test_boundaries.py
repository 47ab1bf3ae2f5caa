"""How apps meet (STYLE.md): read from the source tree with Python's `ast`.

- The kernel (`home/`, `notifications/`) imports no feature app: feature apps fill
  the kernel's hooks instead.
- No app imports another app's private module or name (starting with `_`), nor
  another app's template tags.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
KERNEL = {"home", "notifications"}
FEATURES = {"vitrine", "consultation", "feedback", "training", "barometre"}
FEATURES |= {"search", "opendata"}


def _apps():
    return [app for app in settings.DOMAIN_APPS if (ROOT / app).is_dir()]


def _imports(path):
    """(line, dotted names) of each import in a module, relative ones resolved."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield node.lineno, [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[: len(package) - node.level + 1]
                base = ".".join([*parent, *filter(None, [node.module])])
            yield node.lineno, [base, *(f"{base}.{a.name}" for a in node.names)]


def _crossings():
    """(file:line, importing app, imported dotted name) for every import of
    another of our apps, migrations left out (they name models by label)."""
    apps = set(_apps())
    for app in apps:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for line, names in _imports(path):
                for name in names:
                    target = name.split(".")[0]
                    if target in apps and target != app:
                        where = f"{path.relative_to(ROOT)}:{line}"
                        yield where, app, name


def test_the_walk_sees_every_app_and_resolves_relative_imports():
    crossings = list(_crossings())
    assert {"home", "notifications", "consultation", "training"} <= set(_apps())
    # training declares its notification scopes with notifications' ScopeKind.
    assert any(
        app == "training" and name == "notifications.scopes.ScopeKind"
        for _where, app, name in crossings
    )


def test_the_kernel_imports_no_feature_app():
    upward = [
        f"{where} imports {name}"
        for where, app, name in _crossings()
        if app in KERNEL and name.split(".")[0] in FEATURES
    ]
    assert upward == []


def _is_private(name):
    return any(
        part.startswith("_") and not part.startswith("__")
        for part in name.split(".")[1:]
    )


def test_no_app_imports_another_apps_private_module_or_template_tags():
    private = [
        f"{where} imports {name}"
        for where, _app, name in _crossings()
        if _is_private(name) or "templatetags" in name.split(".")
    ]
    assert private == []


def _hooks_read(path):
    """Names of the hooks a module reads with `hooks.get_hooks(NAME)`."""
    tree = ast.parse(path.read_text(), str(path))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "get_hooks"
            and node.args
        ):
            argument = node.args[0]
            if isinstance(argument, ast.Constant):
                yield argument.value
            elif isinstance(argument, ast.Name) and argument.id in constants:
                yield constants[argument.id]


def test_docs_list_every_hook_the_project_defines():
    read = {
        name
        for app in _apps()
        for path in (ROOT / app).rglob("*.py")
        for name in _hooks_read(path)
    }
    assert len(read) >= 13
    documented = (ROOT / "docs" / "architecture.md").read_text()
    assert sorted(name for name in read if f"`{name}`" not in documented) == []
