/* The incident popup and tooltip of the dashboard map (our own code, MIT like the project).
 *
 * Reads the columnar payload of dashboard/map_layer.py. Every string from an
 * article goes into the DOM as text (textContent), never as markup. The
 * sources are grouped: one row per source and figures, with the number of
 * articles that carry them and their outlets (the domain of the URL where the
 * outlet is unknown), the same rule as dashboard/popups.py on the server.
 */
(function () {
  "use strict";

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

  function domain(url) {
    var match = /^https?:\/\/([^\/?#:]+)/i.exec(url || "");
    return match ? match[1].replace(/^www\./i, "").toLowerCase() : "";
  }

  /* An article as {label, url}: its outlet, else its URL's domain, else its title. */
  function article(p, a) {
    var A = p.A, url = p.s[A.u[a]] || "";
    var label = p.s[A.o[a]] || domain(url) || p.s[A.t[a]] || "unnamed article";
    return {label: label, url: /^https?:\/\//i.test(url) ? url : ""};
  }

  function link(item) {
    if (!item.url) return el("span", item.label);
    var a = el("a", item.label);
    a.href = item.url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function articleList(p, indices) {
    var box = el("span", null, "incident-articles"), seen = {};
    indices.forEach(function (a) {
      var item = article(p, a), key = item.label + "\u0000" + item.url;
      if (seen[key]) return;
      seen[key] = true;
      if (box.childNodes.length) box.appendChild(document.createTextNode(", "));
      box.appendChild(link(item));
    });
    return box;
  }

  /* One row per (source, killed, wounded, victims): the articles that report it. */
  function sourceRows(p, i) {
    var c = p.c, rows = [], byKey = {};
    for (var k = c.start[i]; k < c.start[i + 1]; k++) {
      var key = [c.src[k], c.kl[k], c.kh[k], c.wl[k], c.wh[k], c.vg[k]].join("|");
      var row = byKey[key];
      if (!row) {
        row = byKey[key] = {source: p.s[c.src[k]] || "unattributed", killed: range(c.kl[k], c.kh[k]),
          wounded: range(c.wl[k], c.wh[k]), victims: p.s[c.vg[k]], dates: [], articles: [],
          hasFigures: c.kl[k] !== null || c.kh[k] !== null || c.wl[k] !== null || c.wh[k] !== null};
        rows.push(row);
      }
      var date = p.s[c.sd[k]];
      if (date && row.dates.indexOf(date) < 0) row.dates.push(date);
      if (c.a[k] >= 0 && row.articles.indexOf(c.a[k]) < 0) row.articles.push(c.a[k]);
      if (c.a[k] < 0) row.articles.push(-1 - k);  /* an article we cannot name still counts */
    }
    return rows;
  }

  function sourcesTable(p, rows) {
    var table = el("table", null, "incident-claims");
    var head = el("tr");
    ["Source", "Killed", "Wounded", "Victims", "Date", "Articles"].forEach(function (h) {
      head.appendChild(el("th", h));
    });
    table.appendChild(head);
    rows.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("td", row.source));
      tr.appendChild(el("td", row.killed));
      tr.appendChild(el("td", row.wounded));
      tr.appendChild(el("td", row.victims));
      tr.appendChild(el("td", row.dates.join(", ") || "-"));
      var cell = el("td", null, "incident-article-cell");
      var named = row.articles.filter(function (a) { return a >= 0; });
      cell.appendChild(el("b", String(row.articles.length) + (row.articles.length === 1 ? " article" : " articles")));
      if (named.length) {
        cell.appendChild(document.createTextNode(": "));
        cell.appendChild(articleList(p, named));
      }
      tr.appendChild(cell);
      table.appendChild(tr);
    });
    return table;
  }

  /* "SOHR: 5 · SANA: 1" for the sources whose killed figures differ. */
  function disagreement(rows) {
    var bySource = {}, order = [];
    rows.forEach(function (row) {
      if (!row.hasFigures || row.killed === "unknown") return;
      if (!bySource[row.source]) { bySource[row.source] = []; order.push(row.source); }
      if (bySource[row.source].indexOf(row.killed) < 0) bySource[row.source].push(row.killed);
    });
    return order.map(function (s) { return s + ": " + bySource[s].join(" or "); }).join(" \u00b7 ");
  }

  function incidentArticles(p, i) {
    var out = [];
    for (var k = p.ia.start[i]; k < p.ia.start[i + 1]; k++) out.push(p.ia.a[k]);
    return out;
  }

  function popupContent(p, i) {
    var box = el("div", null, "incident-popup");
    box.appendChild(el("b", (p.s[p.st[i]] || p.s[p.et[i]]) + (p.s[p.wp[i]] ? " (" + p.s[p.wp[i]] + ")" : "")));
    var actors = [p.s[p.a1[i]], p.s[p.a2[i]]].filter(Boolean).join(" against ");
    if (actors) box.appendChild(el("div", actors));
    var where = p.s[p.loc[i]] + (p.s[p.lar[i]] ? " (reported as \u201c" + p.s[p.lar[i]] + "\u201d)" : "");
    var region = [p.s[p.adm[i]], p.s[p.cty[i]]].filter(Boolean).join(", ");
    box.appendChild(el("div", "Where: " + where + (region ? ", " + region : "") +
      (p.uk[i] ? " \u00b1" + p.uk[i] + " km" : "")));
    box.appendChild(el("div", "When: " + when(p, i)));
    var rows = sourceRows(p, i);
    var figures = rows.some(function (r) { return r.hasFigures; });
    if (figures) {
      box.appendChild(el("div", "Killed: " + range(p.kl[i], p.kh[i]) + "; wounded: " + range(p.wl[i], p.wh[i])));
      if (p.dis[i]) {
        box.appendChild(el("div", "Sources disagree \u2014 " + disagreement(rows), "incident-disputed"));
      }
      box.appendChild(sourcesTable(p, rows));
    } else {
      box.appendChild(el("div", "No casualty figures reported.", "incident-no-figures"));
      var sources = rows.map(function (r) { return r.source; }).filter(function (s, n, all) {
        return all.indexOf(s) === n;
      });
      if (sources.length) box.appendChild(el("div", "Sources: " + sources.join(", ")));
    }
    var arts = incidentArticles(p, i);
    if (arts.length) {
      var line = el("div", null, "incident-article-line");
      line.appendChild(el("span", arts.length === 1 ? "Article: " : arts.length + " articles: "));
      line.appendChild(articleList(p, arts));
      box.appendChild(line);
    }
    box.appendChild(el("div", p.id[i], "incident-id"));
    return box;
  }

  window.IncidentPopup = {
    popupContent: popupContent, tooltipText: tooltipText, range: range, domain: domain, el: el
  };
})();
