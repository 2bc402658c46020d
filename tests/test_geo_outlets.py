"""The outlet's country from its web address, as the region find_places weighs (geo/outlets.py)."""
from __future__ import annotations

import pytest

from geo.outlets import region_of_url
from incidents import places


@pytest.mark.parametrize("url, region", [
    ("https://www.example-daily.com.lb/news/local/1234", "LB"),
    ("http://news.example.co.uk/world", "GB"),
    ("example.ng/politics/story", "NG"),
    ("https://EXAMPLE.DE/artikel", "DE"),
    ("https://www.example.com/world/middle-east", None),  # generic: says nothing
    ("https://example.org/report", None),
    ("https://example.tv/clip", None),  # sold worldwide for another use
    ("https://example.co/story", None),
    ("https://localhost:8000/x", None),
    ("", None),
    (None, None),
])
def test_a_national_domain_names_the_outlets_country(url, region):
    assert region_of_url(url) == region


def test_the_outlets_country_settles_a_shared_name_in_the_reader():
    """A bare 'Tripoli' is Libya's capital; in a Lebanese outlet's article, Lebanon's Tripoli."""
    text = "Gunmen opened fire on a crowd in Tripoli overnight, a security source said."
    lebanese = [m for m in places.find(text, "https://www.example.com.lb/local/5") if m.text == "Tripoli"]
    elsewhere = [m for m in places.find(text, "https://www.example.com/world/5") if m.text == "Tripoli"]
    assert lebanese[0].place.country_code == "LB"
    assert elsewhere[0].place.country_code == "LY"
