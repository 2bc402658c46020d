/* The offline vector basemap of the dashboard map (our own code, MIT like the project).
 *
 * Draws land, sea, lakes, rivers, country and admin-1 borders and place names
 * from the files in static/basemap/ (built by dashboard/basemap_build.py from
 * Natural Earth and GeoNames). world.json holds what the first view needs; past
 * zoom 6 the 10-degree tiles of the 1:10m data in view are fetched. The files
 * are fetched with a version in their URL and cache "force-cache", so a
 * browser fetches them once per basemap version, not once per page load.
 * A configured tile server lies under the same layers: once its tiles load,
 * the land fill turns transparent and the lines and names stay as they are.
 */
(function () {
  "use strict";

  var STYLE = {
    land: "#f3efe6", lake: "#c6dbe8", river: "#8fb4cc", border: "#8c7a93", admin1: "#b7a6bd"
  };
  var TILE_ZOOM = 6;

  function decode(flat, scale) {
    var out = new Array(flat.length / 2), x = 0, y = 0;
    for (var k = 0, n = 0; k < flat.length; k += 2, n++) {
      x += flat[k]; y += flat[k + 1];
      out[n] = [y / scale, x / scale];
    }
    return out;
  }

  function polys(data, scale) {
    return data.map(function (rings) { return rings.map(function (r) { return decode(r, scale); }); });
  }

  function lines(data, scale) {
    return data.map(function (r) { return decode(r, scale); });
  }

  function pane(map, name, zIndex, events) {
    var p = map.getPane(name) || map.createPane(name);
    p.style.zIndex = String(zIndex);
    if (!events) p.style.pointerEvents = "none";
    return p;
  }

  /* One group of land, lake, river and border paths for a file (world or a tile). */
  function geometryGroup(data, renderers, styles) {
    var s = data.scale, group = L.layerGroup(), opts = {interactive: false, smoothFactor: 1.2};
    function add(layer) { group.addLayer(layer); return layer; }
    if (data.land && data.land.length) {
      group.land = add(L.polygon(polys(data.land, s), L.extend({
        renderer: renderers.land, stroke: false, fill: true, fillColor: STYLE.land,
        fillOpacity: styles.landOpacity
      }, opts)));
    }
    if (data.lakes && data.lakes.length) {
      group.lakes = add(L.polygon(polys(data.lakes, s), L.extend({
        renderer: renderers.land, color: STYLE.river, weight: 0.6, fillColor: STYLE.lake,
        fillOpacity: styles.landOpacity
      }, opts)));
    }
    if (data.rivers && data.rivers.length) {
      add(L.polyline(lines(data.rivers, s), L.extend({renderer: renderers.lines, color: STYLE.river, weight: 1}, opts)));
    }
    if (data.admin1 && data.admin1.length) {
      add(L.polyline(lines(data.admin1, s), L.extend({
        renderer: renderers.lines, color: STYLE.admin1, weight: 0.9, dashArray: "4 3"
      }, opts)));
    }
    if (data.borders && data.borders.length) {
      add(L.polyline(lines(data.borders, s), L.extend({renderer: renderers.lines, color: STYLE.border, weight: 1.4}, opts)));
    }
    return group;
  }

  var KINDS = ["country", "capital", "city", "admin1"];

  function labelMarker(row, scale) {
    var kind = KINDS[row[4]] || "city";
    var box = document.createElement("div");
    box.className = "bm-label bm-" + kind;
    if (kind === "city" || kind === "capital") box.appendChild(document.createElement("i"));
    var text = document.createElement("span");
    text.textContent = row[0];
    box.appendChild(text);
    return L.marker([row[2] / scale, row[1] / scale], {
      icon: L.divIcon({html: box, className: "bm-label-icon", iconSize: null}),
      pane: "bmLabels", interactive: false, keyboard: false
    });
  }

  function add(map, options) {
    var base = options.base, version = options.version || "";
    var container = map.getContainer();
    container.classList.add("bm-sea");
    pane(map, "bmLand", 205);
    pane(map, "bmLines", 210);
    pane(map, "bmLabels", 450);
    var renderers = {
      land: L.canvas({pane: "bmLand", padding: 0.3}),
      lines: L.canvas({pane: "bmLines", padding: 0.3})
    };
    var styles = {landOpacity: 1};
    var world = null, worldGroup = null, worldLines = null;
    var tiles = {}, tileList = {}, tileGroup = L.layerGroup().addTo(map);
    var labelGroup = L.layerGroup().addTo(map);
    var state = {labels: []};

    function fetchJson(path) {
      return fetch(base + "/" + path + "?v=" + encodeURIComponent(version), {cache: "force-cache"})
        .then(function (r) { if (!r.ok) throw new Error(path + ": " + r.status); return r.json(); });
    }

    function inView(bounds, key) {
      var parts = key.split("_"), d = world.tile_deg;
      var west = Number(parts[0]) * d, south = Number(parts[1]) * d;
      return bounds.intersects(L.latLngBounds([south, west], [south + d, west + d]));
    }

    function drawLabels() {
      labelGroup.clearLayers();
      var zoom = Math.round(map.getZoom()), bounds = map.getBounds().pad(0.05), shown = 0;
      var sources = [{rows: world.labels, scale: world.scale}];
      Object.keys(tiles).forEach(function (key) {
        if (tiles[key].data && tileGroup.hasLayer(tiles[key].group)) {
          sources.push({rows: tiles[key].data.labels, scale: tiles[key].data.scale});
        }
      });
      sources.forEach(function (src) {
        for (var i = 0; i < src.rows.length; i++) {
          var row = src.rows[i];
          if (row[3] > zoom) continue;
          if (!bounds.contains([row[2] / src.scale, row[1] / src.scale])) continue;
          labelGroup.addLayer(labelMarker(row, src.scale));
          shown++;
        }
      });
      container.setAttribute("data-basemap-labels", String(shown));
    }

    function update() {
      if (!world) return;
      var zoom = map.getZoom(), detailed = zoom >= TILE_ZOOM;
      if (detailed && map.hasLayer(worldGroup)) map.removeLayer(worldGroup);
      if (!detailed && !map.hasLayer(worldGroup)) worldGroup.addTo(map);
      var bounds = map.getBounds().pad(0.1), pending = [];
      Object.keys(tileList).forEach(function (key) {
        var wanted = detailed && inView(bounds, key), tile = tiles[key];
        if (wanted && !tile) {
          tile = tiles[key] = {group: null, data: null};
          pending.push(fetchJson("tiles/" + key + ".json").then(function (data) {
            tile.data = data;
            tile.group = geometryGroup(data, renderers, styles);
          }).catch(function () { delete tiles[key]; }));
        }
        if (tile && tile.group) {
          if (wanted && !tileGroup.hasLayer(tile.group)) tileGroup.addLayer(tile.group);
          if (!wanted && tileGroup.hasLayer(tile.group)) tileGroup.removeLayer(tile.group);
        }
      });
      drawLabels();
      if (pending.length) Promise.all(pending).then(update);
      else container.setAttribute("data-basemap-zoom", String(Math.round(zoom)));
    }

    /* Tiles of a configured server lie under these layers: once they load, let them show through. */
    function underTiles(tileLayer) {
      if (!tileLayer) return;
      tileLayer.once("tileload", function () {
        styles.landOpacity = 0;
        map.eachLayer(function (layer) {
          if (layer.options && layer.options.renderer === renderers.land) layer.setStyle({fillOpacity: 0});
        });
        container.classList.add("bm-over-tiles");
      });
    }

    if (window.ResizeObserver) {  /* streamlit-folium sizes the map div after Leaflet started */
      new ResizeObserver(function () { map.invalidateSize(); }).observe(container);
    }
    underTiles(options.tiles);
    fetchJson("world.json").then(function (data) {
      world = data;
      (data.tiles || []).forEach(function (key) { tileList[key] = true; });
      worldGroup = geometryGroup(data, renderers, styles);
      worldLines = worldGroup;
      map.on("moveend", update);
      update();
      container.setAttribute("data-basemap-ready", "1");
    }).catch(function (error) {
      container.setAttribute("data-basemap-error", String(error));
    });
    return {update: update, layers: function () { return {world: worldLines, tiles: tiles}; }};
  }

  window.Basemap = {add: add, decode: decode};
})();
