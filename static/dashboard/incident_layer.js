/* The incident layer of the dashboard map (our own code, MIT like the project).
 *
 * The server sends one compact, columnar payload (see dashboard/map_layer.py):
 * a string table and one array per field. This file turns it into one
 * Supercluster index drawn as canvas circle markers and cluster icons, and builds tooltips and popups
 * lazily, only for the marker the user points at. Every string from an article
 * goes into the DOM as text (textContent or esc()), never as markup.
 */
(function () {
  "use strict";

  var ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
  function esc(value) {
    return String(value === null || value === undefined ? "" : value).replace(/[&<>"']/g, function (c) {
      return ESC[c];
    });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function range(low, high) {
    if (low === null && high === null) return "unknown";
    if (low !== null && high === null) return "at least " + low;
    if (low === null) return "up to " + high;
    return low === high ? String(low) : low + "-" + high;
  }

  var PRECISION_WORDS = {2: "within a week", 3: "within the month"};
  function when(p, i) {
    var date = p.s[p.d[i]] || "date unknown";
    var precision = p.tp[i];
    if (precision === 2 || precision === 3) {
      return "about " + date + " (" + PRECISION_WORDS[precision] + ", " + p.s[p.ds[i]] + " to " + p.s[p.de[i]] + ")";
    }
    return date;
  }

  function tooltipText(p, i) {
    var killed = range(p.kl[i], p.kh[i]);
    return p.id[i] + " · " + (p.s[p.st[i]] || p.s[p.et[i]]) + " · " + p.s[p.loc[i]] + " · " +
      (p.tp[i] > 1 ? "about " : "") + p.s[p.d[i]] + " · killed " + killed;
  }

  function claimsTable(p, i) {
    var table = el("table", null, "incident-claims");
    var head = el("tr");
    ["Source", "Stated date", "Killed", "Wounded", "Victims", "Article"].forEach(function (h) {
      head.appendChild(el("th", h));
    });
    table.appendChild(head);
    var c = p.c;
    for (var k = c.start[i]; k < c.start[i + 1]; k++) {
      var row = el("tr");
      row.appendChild(el("td", p.s[c.src[k]]));
      row.appendChild(el("td", p.s[c.sd[k]] || "-"));
      row.appendChild(el("td", range(c.kl[k], c.kh[k])));
      row.appendChild(el("td", range(c.wl[k], c.wh[k])));
      row.appendChild(el("td", p.s[c.vg[k]]));
      var cell = el("td");
      var outlet = p.s[c.out[k]] || "article";
      var url = p.s[c.url[k]];
      if (/^https?:\/\//i.test(url)) {
        var link = el("a", outlet);
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        cell.appendChild(link);
      } else {
        cell.appendChild(el("span", outlet));
      }
      row.appendChild(cell);
      table.appendChild(row);
    }
    return table;
  }

  function popupContent(p, i) {
    var box = el("div", null, "incident-popup");
    box.appendChild(el("b", (p.s[p.st[i]] || p.s[p.et[i]]) + (p.s[p.wp[i]] ? " (" + p.s[p.wp[i]] + ")" : "")));
    var actors = [p.s[p.a1[i]], p.s[p.a2[i]]].filter(Boolean).join(" against ");
    if (actors) box.appendChild(el("div", actors));
    var where = p.s[p.loc[i]] + (p.s[p.lar[i]] ? " (reported as \u201c" + p.s[p.lar[i]] + "\u201d)" : "");
    var region = [p.s[p.adm[i]], p.s[p.cty[i]]].filter(Boolean).join(", ");
    box.appendChild(el("div", "Where: " + where + (region ? ", " + region : "") +
      " \u00b1" + p.uk[i] + " km"));
    box.appendChild(el("div", "When: " + when(p, i)));
    box.appendChild(el("div", "Killed: " + range(p.kl[i], p.kh[i]) + "; wounded: " + range(p.wl[i], p.wh[i])));
    if (p.dis[i]) box.appendChild(el("div", "Sources disagree on the figures.", "incident-disputed"));
    box.appendChild(claimsTable(p, i));
    box.appendChild(el("div", p.id[i], "incident-id"));
    return box;
  }

  function radiusFor(p, i) {
    var killed = p.kh[i] !== null ? p.kh[i] : (p.kl[i] !== null ? p.kl[i] : 0);
    return Math.min(22, 5 + 3 * Math.sqrt(killed));
  }

  function ensureTooltip(p, marker) {
    var i = marker.options.incident;
    if (!marker.getTooltip()) marker.bindTooltip(esc(tooltipText(p, i)), {sticky: true});
  }

  /* Uncertainty: the circle of the incident's radius for what is in view when
   * zoomed in (capped), and every region/border band from the geometry column. */
  function drawUncertainty(p, map, circles, renderer) {
    circles.clearLayers();
    if (map.getZoom() < 6) return;
    var bounds = map.getBounds().pad(0.2);
    var drawn = 0;
    for (var i = 0; i < p.lat.length && drawn < 800; i++) {
      if (!p.uk[i] || !bounds.contains([p.lat[i], p.lon[i]])) continue;
      L.circle([p.lat[i], p.lon[i]], {
        radius: p.uk[i] * 1000, color: p.colors[p.et[i]] || "#555", weight: 1, dashArray: "4 4",
        fill: true, fillOpacity: 0.05, interactive: false, renderer: renderer
      }).addTo(circles);
      drawn++;
    }
  }

  function bandsLayer(p) {
    var group = L.featureGroup();
    Object.keys(p.geo).forEach(function (key) {
      var i = Number(key), text = p.geo[key];
      try {
        L.geoJSON(JSON.parse(text), {
          style: {color: p.colors[p.et[i]] || "#555", weight: 1, dashArray: "6 4", fillOpacity: 0.12},
          interactive: false
        }).addTo(group);
      } catch (e) { /* a malformed band is skipped, the point stays */ }
    });
    return group;
  }

  /* The map container carries data-incidents-total / data-incidents-ready so
   * tests and benchmarks can wait for "features drawn" without sleeping. */
  function container() {
    return document.querySelector("#map_div") || document.querySelector(".leaflet-container");
  }

  function markReady(total, started) {
    var box = container();
    if (!box) return;
    var now = performance.now();
    box.setAttribute("data-incidents-ms", String(Math.round(now - started)));
    box.setAttribute("data-incidents-at", String(Math.round(now)));  /* ms since the map's page opened */
    box.setAttribute("data-incidents-ready", String(total));
  }

  function clusterIcon(count) {
    var size = count < 100 ? "small" : (count < 1000 ? "medium" : "large");
    return L.divIcon({
      html: "<div><span>" + count + "</span></div>",
      className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40)
    });
  }

  /* Supercluster indexes every point once; on each move only the clusters and
   * points in view are drawn (canvas circles for incidents, DOM icons for
   * clusters), so 100,000 incidents cost one index build, not 100,000 layers. */
  function populate(group, p) {
    var started = performance.now();
    var box = container();
    if (box) {
      box.removeAttribute("data-incidents-ready");
      box.setAttribute("data-incidents-total", String(p.lat.length));
    }
    var renderer = L.canvas({padding: 0.5});
    var points = new Array(p.lat.length);
    for (var i = 0; i < p.lat.length; i++) {
      points[i] = {type: "Feature", properties: {i: i}, geometry: {type: "Point", coordinates: [p.lon[i], p.lat[i]]}};
    }
    var index = new Supercluster({radius: 45, maxZoom: 11, minPoints: 3}).load(points);
    var drawn = L.featureGroup();
    var shown = {};
    var circles = L.featureGroup();

    function pointMarker(k) {
      return L.circleMarker([p.lat[k], p.lon[k]], {
        radius: radiusFor(p, k), color: "#222", weight: 1, fillColor: p.colors[p.et[k]] || "#555",
        fillOpacity: 0.8, renderer: renderer, incident: k
      });
    }

    function draw() {
      var map = group._map;
      if (!map) return;
      drawn.clearLayers();
      shown = {};
      var b = map.getBounds().pad(0.1);
      var west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
      var south = Math.max(-85, b.getSouth()), north = Math.min(85, b.getNorth());
      var found = index.getClusters([west, south, east, north], Math.round(map.getZoom()));
      for (var n = 0; n < found.length; n++) {
        var f = found[n], ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        if (f.properties.cluster) {
          var m = L.marker(ll, {icon: clusterIcon(f.properties.point_count), cluster: f.properties.cluster_id});
          drawn.addLayer(m);
        } else {
          var k = f.properties.i;
          shown[k] = pointMarker(k);
          drawn.addLayer(shown[k]);
        }
      }
      drawUncertainty(p, map, circles, renderer);
    }

    drawn.on("mouseover", function (e) {
      if (e.layer.options.incident === undefined) return;
      ensureTooltip(p, e.layer);
      e.layer.openTooltip(e.latlng);
    });
    drawn.on("click", function (e) {
      var o = e.layer.options;
      if (o.cluster !== undefined) {
        group._map.setView(e.layer.getLatLng(), Math.min(index.getClusterExpansionZoom(o.cluster), 14));
        return;
      }
      if (o.incident === undefined) return;
      ensureTooltip(p, e.layer);
      L.popup({maxWidth: 460, minWidth: 300, maxHeight: 340})
        .setLatLng(e.layer.getLatLng()).setContent(popupContent(p, o.incident)).openOn(group._map);
    });
    group.on("add", function () {
      group._map.on("moveend", draw);
      draw();
      markReady(p.lat.length, started);
    });
    group.on("remove", function (e) { if (e.target._map) e.target._map.off("moveend", draw); });
    bandsLayer(p).addTo(group);
    circles.addTo(group);
    drawn.addTo(group);
    group.incidentPayload = p;
    group.incidentMarker = function (k) { return shown[k] || null; };
    return group;
  }

  function legend(map, colors, labels) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "incident-legend");
      box.appendChild(el("b", "Event type"));
      Object.keys(labels).forEach(function (key) {
        var row = el("div");
        var dot = el("span", null, "incident-legend-dot");
        dot.style.background = colors[key];
        row.appendChild(dot);
        row.appendChild(document.createTextNode(labels[key]));
        box.appendChild(row);
      });
      box.appendChild(el("div", "Size: killed (highest figure); dashed: uncertainty", "incident-legend-note"));
      return box;
    };
    control.addTo(map);
  }

  /* Country outlines under the points; with a tile server configured they are
   * only added when the tiles fail to load. */
  function basemapFallback(map, tiles, outlines) {
    /* streamlit-folium sizes the map div after Leaflet started: follow its size. */
    if (window.ResizeObserver) {
      new ResizeObserver(function () { map.invalidateSize(); }).observe(map.getContainer());
    }
    if (!tiles) { outlines.addTo(map); return; }
    var loaded = false, errors = 0;
    tiles.on("tileload", function () { loaded = true; });
    tiles.on("tileerror", function () {
      errors++;
      if (!loaded && errors >= 2 && !map.hasLayer(outlines)) {
        outlines.addTo(map);
        outlines.bringToBack();
      }
    });
  }

  window.IncidentLayer = {
    esc: esc, populate: populate, legend: legend, basemapFallback: basemapFallback,
    popupContent: popupContent, tooltipText: tooltipText
  };
})();
