"""Near-duplicate articles: a republished story or a wire copy counts once (issue 11, point 8)."""

from __future__ import annotations

import pytest

from incidents import neardup
from incidents.ingest import article_from_text

WIRE = (
    "Gunmen on motorcycles killed at least 12 villagers in an attack on a market in the Kano region "
    "on Tuesday, a local official said. The attackers opened fire on traders and set fire to stalls "
    "before fleeing into the bush, residents said. Nine other people were wounded and taken to the "
    "regional hospital, the police spokesman said in a statement on Wednesday. No group has claimed "
    "the attack, which came two weeks after a similar raid in a neighbouring district."
)
OTHER = (
    "A car bomb exploded near a checkpoint in the south of Mogadishu on Tuesday, killing four soldiers, "
    "the army said. Witnesses described a column of smoke over the district and heavy gunfire after the "
    "blast. Al-Shabaab said in a statement on its radio station that its fighters carried out the attack."
)


def _fp(text):
    return neardup.fingerprint(text)


def test_a_wire_copy_with_one_word_changed_is_a_copy():
    edited = WIRE.replace("stalls", "shops")
    assert neardup.is_copy(_fp(WIRE), _fp(edited))


def test_the_same_story_on_another_site_with_its_own_first_line_is_a_copy():
    republished = "Published by the Daily Courier. Read our coverage of the region below.\n\n" + WIRE
    assert neardup.is_copy(_fp(WIRE), _fp(republished))


def test_a_different_story_of_the_same_kind_is_not_a_copy():
    assert not neardup.is_copy(_fp(WIRE), _fp(OTHER))


def test_a_line_too_short_to_judge_is_never_a_copy():
    assert neardup.fingerprint("Twelve killed in Kano.") is None
    assert not neardup.is_copy(None, _fp(WIRE))


def test_short_stored_articles_are_no_candidates():
    assert neardup.first_copy(_fp(WIRE), {"short": (None, ""), "a": (_fp(WIRE), "")}) == "a"


def test_fingerprints_are_stable_text():
    fp = _fp(WIRE)
    assert neardup.Fingerprint.from_text(fp.to_text()) == fp
    assert len(neardup.band_keys(fp)) == neardup.BANDS


def test_a_copy_of_a_copy_links_to_the_first_copy():
    first, second = _fp(WIRE), _fp(WIRE.replace("stalls", "shops"))
    known = {"b": (second, "a"), "a": (first, "")}
    assert neardup.first_copy(_fp(WIRE.replace("bush", "forest")), known) == "a"


@pytest.mark.parametrize("variant", ["one word", "another site"])
def test_a_copy_counts_once_with_both_articles_as_provenance(store, variant):
    copy = WIRE.replace("stalls", "shops") if variant == "one word" else "From our wire service.\n\n" + WIRE
    a = article_from_text(WIRE, published="2024-03-06", outlet="Wire", name="a.txt")
    b = article_from_text(copy, published="2024-03-06", outlet="Courier", name="b.txt")
    first = store.ingest_one(a)
    assert first.claims >= 1
    claims_before = len(store.claims_frame())
    second = store.ingest_one(b)
    assert second.error is None and second.claims == 0
    assert any("near-duplicate" in w for w in second.warnings)
    claims = store.claims_frame()
    assert len(claims) == claims_before  # no claim doubled
    assert set(claims["article_id"]) == {a.article_id}
    incidents = store.incidents_frame()
    assert len(incidents) == 1
    assert set(incidents.loc[0, "article_ids"].split("; ")) == {a.article_id, b.article_id}


def test_an_independent_report_of_the_same_event_still_counts(store):
    a = article_from_text(WIRE, published="2024-03-06", name="a.txt")
    own = (
        "Twelve people died when gunmen stormed a busy market near Kano on Tuesday, the police spokesman "
        "told our reporter. Traders said the raiders arrived on motorcycles at midday and shot at "
        "anyone who ran."
    )
    store.ingest_one(a)
    second = store.ingest_one(article_from_text(own, published="2024-03-06", name="b.txt"))
    assert not any("near-duplicate" in w for w in second.warnings)
