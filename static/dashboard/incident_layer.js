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

  var P = window.IncidentPopup, el = P.el, popupContent = P.popupContent, tooltipText = P.tooltipText;
  /* Popups keep clear of the zoom buttons (top left) and the legend (bottom right). */
  var POPUP_OPTIONS = {maxWidth: 480, minWidth: 300, maxHeight: 340, autoPanPaddingTopLeft: [60, 20],
    autoPanPaddingBottomRight: [200, 20], className: "incident-popup-box"};

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

  /* One popup at a time: close every open popup (a rerun of the app may leave one the map no longer
   * tracks) before opening this one. */
  function openPopup(map, latlng, content) {
    map.eachLayer(function (layer) { if (layer instanceof L.Popup) map.removeLayer(layer); });
    return L.popup(POPUP_OPTIONS).setLatLng(latlng).setContent(content).openOn(map);
  }

  function clusterIcon(count) {
    var size = count < 100 ? "small" : (count < 1000 ? "medium" : "large");
    return L.divIcon({
      html: "<div><span>" + count + "</span></div>",
      className: "marker-cluster incident-cluster marker-cluster-" + size, iconSize: L.point(40, 40)
    });
  }

  function stackIcon(count) {
    return L.divIcon({html: "<div><span>" + count + "</span></div>", className: "incident-stack",
      iconSize: L.point(30, 30)});
  }

  /* The bounds of every incident (null when there are none). */
  function allBounds(p) {
    if (!p.lat.length) return null;
    var south = 90, north = -90, west = 180, east = -180;
    for (var i = 0; i < p.lat.length; i++) {
      if (p.lat[i] < south) south = p.lat[i];
      if (p.lat[i] > north) north = p.lat[i];
      if (p.lon[i] < west) west = p.lon[i];
      if (p.lon[i] > east) east = p.lon[i];
    }
    return L.latLngBounds([south, west], [north, east]);
  }

  function anyInView(p, map) {
    var b = map.getBounds();
    for (var i = 0; i < p.lat.length; i++) if (b.contains([p.lat[i], p.lon[i]])) return true;
    return false;
  }

  /* The first view, and a filter change that leaves nothing in view, show every incident. */
  function fitIncidents(p, map) {
    var bounds = allBounds(p);
    if (!bounds) return;
    var first = !map._incidentsFitted;
    map._incidentsFitted = true;
    if (!first && anyInView(p, map)) return;
    map.fitBounds(bounds, {padding: [30, 30], maxZoom: 11, animate: false});
  }

  /* A list of the incidents at one point: each entry opens that incident (and selects its row). */
  function stackList(p, members, open) {
    var box = el("div", null, "incident-stack-list");
    box.appendChild(el("b", members.length + " incidents at this point"));
    members.forEach(function (k) {
      var item = el("button", tooltipText(p, k), "incident-stack-item");
      item.type = "button";
      item.setAttribute("data-incident", p.id[k]);
      item.addEventListener("click", function () { open(k); });
      box.appendChild(item);
    });
    return box;
  }

  /* Supercluster indexes every point once; on each move only the clusters and
   * points in view are drawn (canvas circles for incidents, DOM icons for
   * clusters), so 100,000 incidents cost one index build, not 100,000 layers.
   * Incidents at the same point are drawn as one numbered stack that opens a list. */
  function populate(group, p, options) {
    options = options || {};
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
    var selected = options.selected ? p.id.indexOf(options.selected) : -1;
    var highlight = L.featureGroup();

    function pointMarker(k) {
      return L.circleMarker([p.lat[k], p.lon[k]], {
        radius: radiusFor(p, k), color: "#222", weight: 1, fillColor: p.colors[p.et[k]] || "#555",
        fillOpacity: 0.8, renderer: renderer, incident: k
      });
    }

    /* A marker (made if needed, off the map) carrying the incident's tooltip, for st_folium's click. */
    function openIncident(k) {
      var marker = shown[k] || pointMarker(k);
      ensureTooltip(p, marker);
      drawn.fire("click", {latlng: L.latLng(p.lat[k], p.lon[k]), layer: marker, sourceTarget: marker,
        propagatedFrom: marker});
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
      var stacks = {};
      for (var n = 0; n < found.length; n++) {
        var f = found[n], ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        if (f.properties.cluster) {
          drawn.addLayer(L.marker(ll, {icon: clusterIcon(f.properties.point_count), cluster: f.properties.cluster_id}));
        } else {
          var k = f.properties.i, key = p.lat[k].toFixed(5) + "," + p.lon[k].toFixed(5);
          (stacks[key] = stacks[key] || []).push(k);
        }
      }
      Object.keys(stacks).forEach(function (key) {
        var members = stacks[key];
        if (members.length === 1) {
          shown[members[0]] = pointMarker(members[0]);
          drawn.addLayer(shown[members[0]]);
          return;
        }
        members.forEach(function (k) { shown[k] = pointMarker(k); });
        drawn.addLayer(L.marker([p.lat[members[0]], p.lon[members[0]]], {icon: stackIcon(members.length), stack: members}));
      });
      drawUncertainty(p, map, circles, renderer);
    }

    drawn.on("mouseover", function (e) {
      if (e.layer.options.incident === undefined) return;
      ensureTooltip(p, e.layer);
      if (!group._map || !group._map._popup || !group._map.hasLayer(group._map._popup)) e.layer.openTooltip(e.latlng);
    });
    drawn.on("click", function (e) {
      var o = e.layer.options, map = group._map;
      if (o.cluster !== undefined) {
        map.setView(e.layer.getLatLng(), Math.min(index.getClusterExpansionZoom(o.cluster), 14));
        return;
      }
      if (o.stack !== undefined) {
        openPopup(map, e.layer.getLatLng(), stackList(p, o.stack, openIncident));
        return;
      }
      if (o.incident === undefined) return;
      ensureTooltip(p, e.layer);
      if (e.layer.closeTooltip) e.layer.closeTooltip();
      openPopup(map, e.latlng || e.layer.getLatLng(), popupContent(p, o.incident));
    });
    group.on("add", function () {
      var map = group._map;
      map.on("moveend", draw);
      if (!map._incidentTooltipsClose) {  /* once per map, not once per filter change */
        map._incidentTooltipsClose = true;
        map.on("popupopen", function () {
          map.eachLayer(function (l) { if (l.closeTooltip && l.getTooltip && l.getTooltip()) l.closeTooltip(); });
        });
      }
      fitIncidents(p, map);
      draw();
      markReady(p.lat.length, started);
    });
    group.on("remove", function (e) { if (e.target._map) e.target._map.off("moveend", draw); });
    bandsLayer(p).addTo(group);
    circles.addTo(group);
    if (selected >= 0) {
      L.circleMarker([p.lat[selected], p.lon[selected]], {radius: radiusFor(p, selected) + 6, color: "#e6007e",
        weight: 3, fill: false, interactive: false, renderer: renderer}).addTo(highlight);
      if (p.uk[selected]) {
        L.circle([p.lat[selected], p.lon[selected]], {radius: p.uk[selected] * 1000, color: "#e6007e", weight: 1.5,
          dashArray: "6 4", fill: false, interactive: false, renderer: renderer}).addTo(highlight);
      }
      highlight.addTo(group);
    }
    drawn.addTo(group);
    group.incidentPayload = p;
    group.incidentMarker = function (k) { return shown[k] || null; };
    group.openIncident = openIncident;
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
      var cluster = el("div", null, "incident-legend-note");
      cluster.appendChild(el("span", "12", "incident-legend-cluster"));
      cluster.appendChild(document.createTextNode(" a group of incidents (click to zoom); "));
      cluster.appendChild(el("span", "2", "incident-legend-stack"));
      cluster.appendChild(document.createTextNode(" incidents at one point (click for the list)"));
      box.appendChild(cluster);
      box.appendChild(el("div", "Size: killed (highest figure); dashed: uncertainty", "incident-legend-note"));
      return box;
    };
    control.addTo(map);
  }

  window.IncidentLayer = {
    esc: esc, populate: populate, legend: legend, popupContent: popupContent, tooltipText: tooltipText
  };
})();
