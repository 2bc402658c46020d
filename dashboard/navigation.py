"""The app's pages: "Map" first, then every file in pages/ (its number sets the order).

st.navigation replaces Streamlit's automatic pages/ listing, so the main page
can be called "Map" rather than "app"; a page added to pages/ still appears,
titled and addressed by its file name without the number ("2_Article_view.py"
-> "Article view" at /Article_view).
"""
from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
_NUMBER = re.compile(r"^\d+_")


def page_name(path: Path) -> str:
    """'3_Review' -> 'Review' (the URL path); the title is the same with spaces."""
    return _NUMBER.sub("", path.stem)


def _order(path: Path) -> tuple[int, str]:
    number = _NUMBER.match(path.name)
    return (int(number.group()[:-1]) if number else 10**6, path.name)


def pages(directory: Path = PAGES_DIR) -> list:
    """The Map page, then pages/ in the order of their numbers."""
    from dashboard import main_page  # main_page -> map_panel -> review_link here: import when called

    found = [st.Page(main_page.render, title="Map", icon=":material/map:", url_path="", default=True)]
    for path in sorted(directory.glob("*.py"), key=_order):
        name = page_name(path)
        found.append(st.Page(str(path), title=name.replace("_", " "), url_path=name))
    return found


REVIEW_PAGE = "pages/3_Review.py"


def review_link(label: str = "Open the Review page (place correction)") -> None:
    """A link to the review desk, where an editor gives an incident its place."""
    try:
        st.page_link(REVIEW_PAGE, label=label, icon=":material/edit_location:")
    except Exception:  # the page runs alone (AppTest) or the desk is not in this navigation
        st.caption("Correct the place on the Review page.")
