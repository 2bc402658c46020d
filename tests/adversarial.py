"""Adversarial article texts: long runs that make a careless regular expression backtrack.

Each case is a name and a text of 10^4-10^5 characters built from one short
unit (capitals, dotted capitals, dots, commas, digits, brackets, quotes,
whitespace) or a few units mixed, wrapped in an ordinary sentence so the
reader goes past its "is this about violence" gate. Shared by the end-to-end
guard (tests/test_adversarial.py) and the regex scan.
"""

from __future__ import annotations

LEAD = "Gunmen killed five people in an attack in Baghdad on Monday, police said. "


def _run(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


UNITS = {
    "paren_capitalised_words": ("(", "Abcd Efgh "),
    "capitalised_words": ("", "Abcd "),
    "dotted_capitals_spaced": ("", "U.S. "),
    "dotted_capitals_run": ("", "U.S."),
    "initials": ("", "A. "),
    "dots": ("", "."),
    "ellipses": ("", "... "),
    "commas": ("", ","),
    "comma_space": ("", ", "),
    "digits": ("", "1"),
    "digits_spaced": ("", "1 "),
    "thousands": ("", "1,000,"),
    "decimals": ("", "1.5 "),
    "open_parens": ("", "("),
    "open_brackets": ("", "["),
    "nested_parens": ("", "(Abc "),
    "double_quotes": ("", '"'),
    "single_quotes": ("", "'"),
    "quoted_words": ("", '"Abc" '),
    "hyphens": ("", "-"),
    "hyphenated": ("", "al-"),
    "slashes": ("", "Abc/"),
    "spaces": ("killed ", " "),
    "tabs": ("killed ", "\t"),
    "newlines": ("", "\n"),
    "short_lines": ("", "killed 1\n"),
    "event_words": ("", "killed "),
    "figures": ("", "at least 5, "),
    "number_words": ("", "two and "),
    "said": ("", "said "),
    "weekdays": ("", "on Monday "),
    "places": ("", "in Baghdad, "),
    "near": ("", "near "),
    "of_the": ("", "of the "),
    "apostrophes": ("", "Abc's "),
    "colons": ("", "Abc: "),
    "lowercase_words": ("", "abcd "),
    "all_caps": ("", "ABCD "),
    "single_capitals": ("", "A"),
    "mixed_punctuation": ("", "A.,(1)\"' "),
    "caption_credit": ("", "(Abc Def/"),
    "paren_all_caps": ("(", "ABCD "),
    "paren_capitals_run": ("(", "A"),
    "paren_dotted_capitals": ("(", "U.S. "),
    "paren_hyphenated_capitals": ("(", "Ab-Cd "),
    "paren_apostrophes": ("(", "O'Ab "),
}


def cases(size: int = 20_000) -> dict[str, str]:
    """name -> article text about `size` characters long.

    Each unit twice: one unbroken run (sentence splitting, clutter, places over
    the whole line) and runs of 400 characters with "killed" between them, so
    every sentence piece passes the reader's violence gate and meets every rule.
    """
    out = {}
    for name, (prefix, unit) in UNITS.items():
        out[name] = LEAD + prefix + _run(unit, size) + "\n\n" + LEAD
        piece = prefix + _run(unit, 400) + " killed "
        out[f"{name}/in_sentences"] = LEAD + piece * (size // len(piece) + 1) + "\n\n" + LEAD
    return out


def nested_html(depth: int = 100_000) -> bytes:
    """A page of deeply nested elements (the shape that made a tree parser take minutes and GBs)."""
    inner = "<p>Gunmen killed five people in an attack on Monday, police said.</p>"
    return ("<html><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>").encode()


# ---- every regular expression of a package, for the per-pattern guard ----------------------------

PATTERN_UNITS = (
    "Abc ", "U.S. ", "A.", ".", ",", "1", "1,", "1 ", "[", "(Abc ", '"', "'", "A", "a ", " ", "-", "Abc-",
    "Abc, ", "al-", "a", "and ", "\n", "said ", "killed ", "at least ", "A. ", "in Abc ", "/", "a-b ", "ABC ",
    ")", ", ", "'s ", "Abc:", "two ",
)
PATTERN_PREFIXES = ("", "(", " ", "killed ", '"', "in ", ", ")


def _walk(obj, where: str, found: dict, depth: int = 0) -> None:
    import re

    from incidents.text import Caseless  # (imported by patterns() before any module is walked)

    if isinstance(obj, re.Pattern):
        found.setdefault((obj.pattern, obj.flags), where)
    elif isinstance(obj, Caseless):  # a case-blind pattern and its lower-case copy
        _walk([obj.blind, obj.lower], where, found, depth)
    elif depth < 3 and isinstance(obj, list | tuple | set | frozenset):
        for i, item in enumerate(obj):
            _walk(item, f"{where}[{i}]", found, depth + 1)
    elif depth < 3 and isinstance(obj, dict):
        for key, item in obj.items():
            _walk(item, f"{where}[{key!r}]", found, depth + 1)


def _literals(path, found: dict) -> None:
    """re.search(r"...") and the like written inline in a function."""
    import ast
    import re

    calls = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "compile"}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in calls
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flags = 0
        for extra in [*node.args[1:], *(k.value for k in node.keywords)]:
            src = ast.unparse(extra)
            if src.startswith("re."):
                flags |= eval(src, {"re": re})  # re.I | re.M: a flags expression, nothing else
        pattern = re.compile(node.args[0].value, flags)
        found.setdefault((pattern.pattern, pattern.flags), f"{path.name}:{node.lineno}")


def patterns(package: str) -> dict:
    """(pattern, flags) -> where it is defined, for every regular expression in a package's modules."""
    import importlib
    from pathlib import Path

    import incidents.text  # noqa: F401 - _walk's Caseless, imported before any module's names are walked

    found: dict = {}
    folder = Path(importlib.import_module(package).__file__).parent
    for path in sorted(folder.glob("*.py")):
        if path.stem == "__main__":
            continue
        module = importlib.import_module(package if path.stem == "__init__" else f"{package}.{path.stem}")
        for name, value in vars(module).items():
            _walk(value, f"{module.__name__}.{name}", found)
        _literals(path, found)
    return found
