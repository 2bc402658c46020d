"""Row/marker selection bookkeeping and the article-view highlighting."""
from __future__ import annotations

from collections import namedtuple

from dashboard import selection
from dashboard.highlight import highlighted_html

Span = namedtuple("Span", "start end kind label")


def test_marker_click_selects_its_row_once():
    state: dict = {}
    assert selection.note_map_click(state, "inc-7 · Air/drone strike · Erbil · 2021-06-28 · killed 4")
    assert state[selection.SELECTED] == "inc-7" and state[selection.TABLE_NONCE] == 1
    # the component keeps returning the same click: nothing changes on later reruns
    assert not selection.note_map_click(state, "inc-7 · Air/drone strike · Erbil · 2021-06-28 · killed 4")
    # a row picked in the table afterwards wins over the old click
    assert selection.note_table_selection(state, "inc-9")
    assert not selection.note_map_click(state, "inc-7 · Air/drone strike · Erbil · 2021-06-28 · killed 4")
    assert state[selection.SELECTED] == "inc-9"


def test_only_a_table_choice_moves_the_map():
    state: dict = {}
    assert selection.note_table_selection(state, "inc-1")
    first = selection.map_focus(state, 33.3, 44.4, 11)
    assert selection.map_focus(state, 33.3, 44.4, 11) == first  # later reruns: the map stays put
    # a marker click selects another row but keeps the focus: the map stays where the user has it
    assert selection.note_map_click(state, "inc-7 · Air/drone strike · Erbil · 2021-06-28 · killed 4")
    assert state[selection.SELECTED] == "inc-7" and state[selection.FOCUS] == "inc-1"
    assert selection.map_focus(state, 33.3, 44.4, 11) == first
    # picking that row again (after panning away) is a new request: it differs, so st_folium applies it
    assert selection.note_table_selection(state, "inc-1")
    again = selection.map_focus(state, 33.3, 44.4, 11)
    assert again != first
    assert abs(again[0][0] - 33.3) < 1e-6 and round(again[1]) == 11


def test_tooltip_without_an_id_selects_nothing():
    state: dict = {}
    assert not selection.note_map_click(state, None)
    assert selection.incident_id_from_tooltip("no separator here") is None


def test_highlight_marks_spans_and_escapes_everything():
    text = 'US strikes <script>alert(1)</script> near Al-Qaim killed 5 <img src=x onerror=alert(2)>'
    start = text.index("Al-Qaim")
    figure = text.index("5")
    html = highlighted_html(text, [Span(start, start + 7, "place", "Al-Qaim, Iraq"),
                                   Span(figure, figure + 1, "figure", "killed 5"),
                                   Span(start + 1, start + 3, "place", "overlap, dropped")])
    assert '<mark class="span-place" title="place: Al-Qaim, Iraq">Al-Qaim</mark>' in html
    assert '<mark class="span-figure" title="figure: killed 5">5</mark>' in html
    assert html.count("<mark") == 2
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_table_keeps_the_selected_incident_beyond_its_row_limit(tables):
    from dashboard.views import table_view

    incidents = tables.incidents
    newest = table_view(incidents, None, limit=20)
    assert len(newest) == 20 and list(newest["event_date"]) == sorted(newest["event_date"], reverse=True)
    oldest = incidents.sort_values("event_date").iloc[0]["incident_id"]
    view = table_view(incidents, oldest, limit=20)
    assert len(view) == 21 and view.iloc[-1]["incident_id"] == oldest  # a clicked marker still has its row
    assert list(view["incident_id"].head(20)) == list(newest["incident_id"])
    assert len(table_view(incidents, newest.iloc[3]["incident_id"], limit=20)) == 20
