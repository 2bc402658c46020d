"""The dashboard's logic: data loading, filters, map layer, popups, offline assets.

app.py and pages/ are layout over these modules; tests call them directly.
"""


def _pages_through_app_py() -> None:
    """app.py lists the pages with st.navigation (the main page is "Map"). Streamlit runs a pages/
    folder the old way (the main page labelled by its file name, "app") until app.py has run once in
    the server process; a first visit straight to a page would keep it so. Every page imports this
    package, so from its first import on every run goes through app.py."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # another Streamlit layout: st.navigation alone decides
        return
    PagesManager.uses_pages_directory = False


_pages_through_app_py()
