"""Command line: python -m geo geocode|find|reverse (see README)."""
from __future__ import annotations

import json
import sys

import click

from geo.place import ROLE_ORGANISATION, Place, PlaceMention

NO_PLACE = "no place found"


def _place_line(query: str, place: Place | None) -> str:
    if place is None:
        return json.dumps({"query": query, "error": NO_PLACE}, ensure_ascii=False)
    return json.dumps({"query": query, **place.to_dict()}, ensure_ascii=False)


def _place_text(place: Place) -> str:
    return (f"{place.name}\t{place.lat:.5f},{place.lon:.5f}\t{place.country_code or '-'}\t"
            f"precision {place.geo_precision} (where_prec {place.where_prec}, ±{place.uncertainty_km:g} km)\t"
            f"{place.method}")


def _mention_text(m: PlaceMention) -> str:
    where = _place_text(m.place) if m.place else "-"
    return f"{m.start}-{m.end}\t{m.role}\t{m.text!r}\t{where}"


def toponyms(mentions: list[PlaceMention]) -> list[dict]:
    """The scorer's toponyms: each name (compound phrases give their names), organisations left out."""
    out = []
    for m in mentions:
        for part in m.extra.get("parts") or [m]:
            own_name = part.place is not None and part.place.method != "owner-country"
            if part.place is not None and (part.role != ROLE_ORGANISATION or own_name):
                p = part.place
                out.append({"start": part.start, "end": part.end, "lat": p.lat, "lon": p.lon})
    return out


@click.group()
def cli() -> None:
    """Offline geocoder and geoparser for news text."""


@cli.command()
@click.argument("phrases", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per phrase per line.")
def geocode(phrases: tuple[str, ...], as_json: bool) -> None:
    """Resolve place phrases; exit status 1 if any has no place."""
    from geo.resolver import resolve

    missing = 0
    for phrase in phrases:
        place = resolve(phrase)
        missing += place is None
        if as_json:
            click.echo(_place_line(phrase, place))
        else:
            click.echo(f"{phrase}\t{_place_text(place) if place else NO_PLACE}")
    if missing:
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True), required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention per line.")
@click.option("--jsonl", "corpus", type=click.Path(exists=True, dir_okay=False),
              help="Read {id, text} lines, write {id, toponyms} lines (the scorer's layout).")
def find(file: str | None, as_json: bool, corpus: str | None) -> None:
    """Place mentions of a text file (or of each document of a JSONL corpus)."""
    from geo.recognizer import find_places

    if corpus:
        with open(corpus, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                    doc_id, text = doc["id"], doc["text"]
                except (ValueError, KeyError, TypeError) as e:
                    raise click.ClickException(f"{corpus}:{n}: not an {{id, text}} JSON line ({e})") from e
                click.echo(json.dumps({"id": doc_id, "toponyms": toponyms(find_places(text))}))
        return
    if not file:
        raise click.ClickException("give a FILE or --jsonl CORPUS")
    try:
        with click.open_file(file, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise click.ClickException(f"cannot read {file}: {e}") from e
    for m in find_places(text):
        click.echo(json.dumps(m.to_dict(), ensure_ascii=False) if as_json else _mention_text(m))


@cli.command(context_settings={"ignore_unknown_options": True})  # negative numbers are coordinates
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.option("--json", "as_json", is_flag=True, help="The place as one JSON object.")
def reverse(lat: float, lon: float, as_json: bool) -> None:
    """The nearest known place to LAT LON."""
    from geo.reverse import reverse as _reverse

    try:
        place = _reverse(lat, lon)
    except ValueError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(_place_line(f"{lat},{lon}", place))
    else:
        click.echo(_place_text(place) if place else NO_PLACE)
    if place is None:
        sys.exit(1)


if __name__ == "__main__":
    cli(prog_name="python -m geo")
