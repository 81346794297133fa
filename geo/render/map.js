/* Claims Atlas map behaviour: one marker per event, labels that never take a click, a declutter
   pass by priority, fit-all and legend controls, popups kept open across redraws.

   Inlined into the map's script by geo/render/layers.py (branca renders that output as a Jinja2
   template again, so this file must never hold a double brace or a brace followed by a percent or
   hash sign: tests/test_render.py checks). Every text in the data handed to these functions was
   escaped in Python (geo/render/escape.py); nothing here escapes or builds links from data. */
(function () {
  "use strict";
  if (window.CA) return;
  var CA = (window.CA = { map: null, control: null, markers: [], labels: [], dyn: [], hidden: {}, openId: null, gen: 0, details: {} });
  var GAP = 3; // px kept free around each label

  function pane(map) {
    if (!map.getPane("ca-regions")) {
      // Country and province fills lie under every other shape, whenever they arrive.
      map.createPane("ca-regions").style.zIndex = 300;
    }
    if (!map.getPane("ca-context")) {
      // Context rows above the shapes (bands, uncertainty circles) so a click reaches them,
      // below the labels and the event markers. SVG: the pane passes other clicks through.
      map.createPane("ca-context").style.zIndex = 440;
    }
    if (!map.getPane("ca-labels")) {
      var p = map.createPane("ca-labels");
      p.style.zIndex = 450; // above shapes (400), below markers (600), tooltips (650) and popups (700)
      p.style.pointerEvents = "none";
    }
  }

  function button(text, title, onClick) {
    var b = L.DomUtil.create("button", "");
    b.type = "button";
    b.textContent = text;
    b.title = title;
    b.setAttribute("aria-label", title);
    L.DomEvent.on(b, "click", function (e) {
      L.DomEvent.stop(e);
      onClick();
    });
    return b;
  }

  var FitAll = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function () {
      var div = L.DomUtil.create("div", "leaflet-control ca-ctl ca-fit");
      L.DomEvent.disableClickPropagation(div);
      this._b = button("Fit all", "Fit all: zoom to show every event", CA.fitAll);
      div.appendChild(this._b);
      return div;
    },
    update: function (n, off) {
      var text = off ? "Fit all (+" + off + ")" : "Fit all";
      this._b.textContent = text;
      this._b.title = off ? off + " of " + n + " events are outside the view: zoom to show them all" : "Zoom to show every event";
      this._b.setAttribute("aria-label", text + ": " + this._b.title); // the visible text first (WCAG 2.5.3)
    },
  });

  var Legend = L.Control.extend({
    options: { position: "bottomleft" },
    onAdd: function () {
      var div = L.DomUtil.create("div", "leaflet-control ca-ctl ca-legend");
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      var body = L.DomUtil.create("div", "ca-legend-body");
      body.id = "ca-legend-body";
      body.innerHTML = this.options.html;
      var small = CA.map.getSize().x < 600;
      if (small) L.DomUtil.addClass(body, "ca-closed");
      var b = button("Legend", "Show or hide the legend", function () {
        var closed = L.DomUtil.hasClass(body, "ca-closed");
        (closed ? L.DomUtil.removeClass : L.DomUtil.addClass)(body, "ca-closed");
        b.setAttribute("aria-expanded", closed ? "true" : "false");
      });
      b.setAttribute("aria-controls", "ca-legend-body");
      // An open popup needs the room: fold the legend away while it is open.
      var folded = false;
      CA.map.on("popupopen", function () {
        if (!L.DomUtil.hasClass(body, "ca-closed")) { L.DomUtil.addClass(body, "ca-closed"); folded = true; }
      });
      CA.map.on("popupclose", function () {
        if (folded) { L.DomUtil.removeClass(body, "ca-closed"); folded = false; }
      });
      b.setAttribute("aria-expanded", small ? "false" : "true");
      div.appendChild(b);
      div.appendChild(body);
      return div;
    },
  });

  /* The base map: panes, controls, and the passes that run whenever the view changes. */
  CA.init = function (map, opts) {
    CA.map = map;
    pane(map);
    // Leaflet focuses the map on the first press (for its keyboard handler). When the map is
    // partly off-screen, that focus scrolls the page under the cursor, so the release lands
    // elsewhere and the first click on a marker opens nothing. Focus without scrolling.
    var box = map.getContainer();
    var focus = box.focus;
    box.focus = function (o) { return focus.call(box, Object.assign({ preventScroll: true }, o || {})); };
    // A focus ring is for keyboard readers: none after a click or tap, back with the Tab key.
    var pointer = function () { L.DomUtil.addClass(box, "ca-pointer"); };
    box.addEventListener("pointerdown", pointer, true);
    box.addEventListener("keydown", function (e) { if (e.key === "Tab") L.DomUtil.removeClass(box, "ca-pointer"); }, true);
    CA.control = L.control.layers(opts.base, opts.overlays, { collapsed: true, position: "topright" }).addTo(map);
    CA.fit = new FitAll().addTo(map);
    new Legend({ html: opts.legend }).addTo(map);
    map.on("zoomend moveend resize overlayadd overlayremove", CA.schedule);
    // The wheel scrolls the page until the reader clicks into the map (the map fills the page's
    // width, so it would otherwise catch every scroll); it zooms from then until the pointer leaves.
    map.scrollWheelZoom.disable();
    map.on("click popupopen", function () { map.scrollWheelZoom.enable(); });
    map.on("mouseout", function () { map.scrollWheelZoom.disable(); });
    // Remember which overlays the reader turned off, so a redraw keeps them off. Redraws remove
    // and add layers too: only changes made by a click in the control count.
    var byReader = false;
    CA.control.getContainer().addEventListener("click", function () {
      byReader = true;
      setTimeout(function () { byReader = false; }, 0);
    }, true);
    map.on("overlayremove", function (e) { if (byReader) CA.hidden[e.name] = true; });
    map.on("overlayadd", function (e) { if (byReader) delete CA.hidden[e.name]; });
    (opts.static || []).forEach(function (s) { CA.geojson(s); });
    CA.schedule();
  };

  /* The base map from its options: tile layers (one shown), static layers (embedded or fetched),
     their labels, and the controls. */
  CA.setup = function (map, o) {
    var base = {};
    o.tiles.forEach(function (t) {
      base[t.name] = t.url ? L.tileLayer(t.url, { attribution: t.attr, maxZoom: 18 }) : L.layerGroup();
      if (t.show) base[t.name].addTo(map);
    });
    var overlays = {};
    o.static.forEach(function (s) {
      s.group = L.featureGroup();
      if (s.town) s.labels = CA.townLabels;
      else if (s.items) s.labels = (function (it) { return function () { return it; }; })(s.items);
      if (s.name) overlays[s.name] = s.group;
      if (s.show) s.group.addTo(map);
    });
    // Over tiles, the opaque land fills give way to outlines.
    var restyle = function (e) {
      CA.tiled = !!(e && base[e.name] && base[e.name].getTileUrl);
      o.static.forEach(function (s) { if (s.layer && s.tiledStyle) s.layer.setStyle(CA.tiled ? s.tiledStyle : s.style); });
    };
    o.tiles.forEach(function (t) { if (t.show && t.url) CA.tiled = true; });
    map.on("baselayerchange", restyle);
    CA.init(map, { base: base, overlays: overlays, legend: o.legend, static: o.static });
    if (o.measure) setTimeout(function () { CA.measureTool(o.measure); }, 0);
  };

  /* folium's measure tool (leaflet-measure), loaded once the map has drawn. */
  CA.measureTool = function (m) {
    m.css.forEach(function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      document.head.appendChild(link);
    });
    var next = function (i) {
      if (i === m.js.length) {
        if (L.control.measure) L.control.measure(m.options).addTo(CA.map);
        return;
      }
      var s = document.createElement("script");
      s.src = m.js[i];
      s.onload = function () { next(i + 1); };
      document.head.appendChild(s);
    };
    next(0);
  };

  /* A static layer: embedded data, or fetched from the app's static files (asynchronously). */
  CA.geojson = function (s) {
    var layer = L.geoJSON(null, {
      interactive: !!s.tooltip,
      pane: s.pane || "overlayPane",
      pointToLayer: function () { return null; }, // points are drawn as labels, not pins
      style: function () { return CA.tiled && s.tiledStyle ? s.tiledStyle : s.style; },
      onEachFeature: function (f, l) {
        if (s.tooltip && f.properties[s.tooltip]) l.bindTooltip(f.properties[s.tooltip], { sticky: true });
      },
    }).addTo(s.group);
    s.layer = layer;
    var add = function (data) {
      layer.addData(data);
      if (s.labels) CA.addLabels(s.group, s.labels(data));
      CA.schedule();
    };
    if (s.data) add(s.data);
    else fetch(s.url).then(function (r) { return r.json(); }).then(add);
  };

  /* Labels: markers in their own pane, never interactive. item: lat, lon, html, cls, p, dot. */
  CA.addLabels = function (group, items) {
    items.forEach(function (it) {
      var html = (it.dot ? '<i class="ca-dot"></i>' : "") + '<span class="ca-lbl ca-lbl-' + it.cls + '">' + it.html + "</span>";
      var m = L.marker([it.lat, it.lon], {
        icon: L.divIcon({ className: "ca-label", html: html, iconSize: [0, 0], iconAnchor: [0, 0] }),
        pane: "ca-labels",
        interactive: false,
        keyboard: false,
      });
      m._ca = { p: it.p, pos: it.pos || "side", r: it.r || (it.dot ? 2 : 0), z: it.z || 0, ev: it.ev, gen: group._caGen || 0 };
      m.addTo(group);
      CA.labels.push(m);
    });
  };

  CA.townLabels = function (fc) {
    return fc.features.map(function (f) {
      var c = f.geometry.coordinates;
      return { lat: c[1], lon: c[0], html: f.properties.name, cls: "town", p: 4, z: 6, dot: true };
    });
  };

  /* The view's own layers (events, bands, measured lines, uncertainty), replaced on each change. */
  CA.view = function (group, data) {
    var map = CA.map;
    CA.dyn.forEach(function (l) { CA.control.removeLayer(l); });
    CA.dyn = [];
    // The previous view's layers were removed before this one was evaluated: forget them.
    CA.gen += 1;
    var fresh = function (m) { return !m._ca.gen; };
    CA.markers = [];
    CA.labels = CA.labels.filter(fresh);
    group._caGen = CA.gen;
    var overlay = function (name, layer) {
      CA.control.addOverlay(layer, name);
      CA.dyn.push(layer);
      if (!CA.hidden[name]) layer.addTo(group);
    };
    var unc = L.geoJSON(data.uncertainty, {
      style: function (f) { return { color: f.properties.colour, weight: 1, dashArray: "3 3", fillOpacity: 0.08 }; },
      onEachFeature: function (f, l) { l.bindTooltip(f.properties.label, { sticky: true }); },
    });
    overlay(data.names.uncertainty, unc);
    var depth = L.featureGroup();
    L.geoJSON(data.bands, {
      style: function () { return { color: "#CC79A7", weight: 1, fillColor: "#CC79A7", fillOpacity: 0.25 }; },
      onEachFeature: function (f, l) { l.bindTooltip(f.properties.label, { sticky: true }); },
    }).addTo(depth);
    data.lines.forEach(function (d) {
      L.polyline(d.path, { color: "#000", weight: 2, dashArray: "2 4" }).bindTooltip(d.detail, { sticky: true }).addTo(depth);
    });
    overlay(data.names.depths, depth);
    // A popup's box is its content plus 44 px of Leaflet's margins: keep it inside the map, clear
    // of the zoom, fit-all and layer buttons where there is room beside them.
    // Below it, the legend and scale: a popup panned into view stays above them too. A short map
    // (the claimant split's) scrolls a long popup inside itself.
    var popupOptions = function (widest, scrollOnPhone) {
      var size = map.getSize();
      var wide = size.x - 64;
      var small = wide < 440;
      var short = size.y < 560;
      return {
        maxWidth: Math.min(widest, wide),
        minWidth: Math.min(260, wide),
        maxHeight: (small && scrollOnPhone) || short ? Math.max(160, Math.min(320, size.y - 230)) : null,
        autoPanPaddingTopLeft: small ? [8, 124] : [56, 70],
        autoPanPaddingBottomRight: [12, 96],
        className: "ca-popup-wrap",
      };
    };
    if (data.context.length) {
      // Context rows (ACLED / UCDP GED): small and faint, in their own pane below the strikes.
      var renderer = L.svg({ pane: "ca-context" });
      var ctx = L.featureGroup();
      data.context.forEach(function (d) {
        L.circleMarker([d.lat, d.lon], {
          renderer: renderer, radius: 5, color: "#555", weight: 1, opacity: 0.7, fillColor: "#999", fillOpacity: 0.35,
          className: "ca-context-point",
        }).bindPopup(d.popup, popupOptions(360, true))
          .bindTooltip(d.tooltip)
          .on("popupopen", function (e) { setTimeout(function () { e.target.closeTooltip(); }, 0); })
          .addTo(ctx);
      });
      ctx._caGen = CA.gen;
      overlay(data.names.context, ctx);
    }
    var events = L.featureGroup().addTo(group);
    depth._caGen = events._caGen = CA.gen;
    data.events.forEach(function (d) {
      var m = L.marker([d.lat, d.lon], {
        icon: L.divIcon({ className: d.css, html: d.icon, iconSize: [d.size, d.size], iconAnchor: [d.size / 2, d.size / 2] }),
        keyboard: true,
        riseOnHover: true,
        zIndexOffset: d.z,
      });
      m._ca = { id: d.id, size: d.size };
      m.bindPopup(d.popup, popupOptions(420, false));
      m.bindTooltip(d.tooltip, { direction: "bottom", offset: [0, d.size / 2] });
      m.on("popupopen", function () {
        CA.openId = d.id;
        // A tap opens both, the tooltip after the popup (its handler runs later): close it then.
        setTimeout(function () { m.closeTooltip(); }, 0);
        // The quotes the reader unfolded stay unfolded when a redraw reopens the popup.
        var el = m.getPopup().getElement();
        var det = el && el.querySelector("details.ca-details");
        if (det) {
          if (CA.details[d.id]) det.open = true;
          det.addEventListener("toggle", function () { CA.details[d.id] = det.open; });
        }
      });
      m.on("popupclose", function () {
        // Closed by the reader (marker still on the map), or by a redraw that removed it.
        setTimeout(function () {
          if (!map.hasLayer(m)) return;
          if (CA.openId === d.id) CA.openId = null;
          CA.details[d.id] = false;
        }, 0);
      });
      m.addTo(events);
      CA.markers.push(m);
    });
    CA.addLabels(depth, data.labels.filter(function (l) { return l.cls !== "strike"; }));
    CA.addLabels(events, data.labels.filter(function (l) { return l.cls === "strike"; }));
    setTimeout(function () {
      // A popup the page asked for (a link, a focused event) opens once; otherwise the one the
      // reader had open before this redraw opens again.
      var want = data.open && data.open !== CA.lastAsked ? data.open : CA.openId;
      CA.lastAsked = data.open;
      CA.markers.forEach(function (m) {
        if (m._ca.id !== want || !map.hasLayer(m)) return;
        // Reopened as it was: the view around it was the reader's, so do not pan it away.
        var popup = m.getPopup();
        popup.options.autoPan = false;
        m.openPopup();
        popup.options.autoPan = true;
      });
      CA.schedule();
    }, 0);
  };

  /* The reader's own measurement: a line to the border and a compact result by the click. */
  CA.click = function (group, d) {
    L.polyline(d.path, { color: "#A33A00", weight: 3, interactive: false, className: "ca-click-line" }).addTo(group);
    L.circleMarker(d.path[0], { radius: 4, color: "#A33A00", fill: true, interactive: false, className: "ca-click-line" }).addTo(group);
    group._caGen = CA.gen;
    CA.addLabels(group, [{ lat: d.path[0][0], lon: d.path[0][1], html: d.html, cls: "click", p: 0, r: 4 }]);
    setTimeout(CA.schedule, 0);
  };

  CA.fitAll = function () {
    var pts = CA.markers.filter(function (m) { return CA.map.hasLayer(m); }).map(function (m) { return m.getLatLng(); });
    if (pts.length) CA.map.fitBounds(L.latLngBounds(pts), { padding: [30, 30], maxZoom: 9 });
  };

  var pending = false;
  CA.schedule = function () {
    if (pending) return;
    pending = true;
    (window.requestAnimationFrame || setTimeout)(function () {
      pending = false;
      CA.layout();
    });
  };

  function hit(a, b) {
    return a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
  }

  /* Where a w×h label may sit around its point, nearest first: beside a symbol of radius r0
     (a strike's marker, a town's dot), then further out. */
  function candidates(w, h, r0, centred) {
    var out = centred ? [[-w / 2, -h / 2]] : [];
    [4, 16, 32].forEach(function (gap) {
      var d = r0 + gap;
      out.push([d, -h / 2], [-w - d, -h / 2], [-w / 2, -h - d], [-w / 2, d]);
      out.push([d * 0.7, -h - d * 0.7], [d * 0.7, d * 0.7], [-w - d * 0.7, -h - d * 0.7], [-w - d * 0.7, d * 0.7]);
    });
    return out;
  }

  /* Markers that fall on (nearly) the same pixel fan out around their point, so each can be
     clicked; then labels take places by priority and hide where none is free. */
  CA.layout = function () {
    var map = CA.map;
    if (!map) return;
    var taken = [];
    // The map's own controls (zoom, fit all, legend, layers, scale) hold their place too.
    var box = map.getContainer().getBoundingClientRect();
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width && r.height) taken.push({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
    });
    var at = {}; // where each event's marker is drawn (its centre), after fanning out
    var markers = CA.markers.filter(function (m) { return map.hasLayer(m) && m.getElement(); });
    var placed = markers.map(function (m) {
      var p = map.latLngToContainerPoint(m.getLatLng());
      return { p: p, s: m._ca.size, ms: [m] };
    });
    // Merge groups whose fans would touch, until none do (a fan grows with its members).
    var fan = function (c) { return c.ms.length > 1 ? Math.max(c.s * 0.75, (c.ms.length * (c.s + 4)) / (2 * Math.PI)) : 0; };
    for (var merged = true; merged; ) {
      merged = false;
      for (var i = 0; i < placed.length && !merged; i++) {
        for (var j = i + 1; j < placed.length && !merged; j++) {
          var a = placed[i], b = placed[j];
          var reach = fan(a) + fan(b) + (a.s + b.s) / 2 + 2;
          if (Math.abs(a.p.x - b.p.x) < reach && Math.abs(a.p.y - b.p.y) < reach) {
            var n = a.ms.length + b.ms.length;
            a.p = L.point((a.p.x * a.ms.length + b.p.x * b.ms.length) / n, (a.p.y * a.ms.length + b.p.y * b.ms.length) / n);
            a.s = Math.max(a.s, b.s);
            a.ms = a.ms.concat(b.ms);
            placed.splice(j, 1);
            merged = true;
          }
        }
      }
    }
    var size = map.getSize();
    var off = 0;
    placed.forEach(function (c) {
      var n = c.ms.length;
      var r = fan(c);
      c.ms.forEach(function (m, i) {
        var s = m._ca.size;
        var a = -Math.PI / 2 + (2 * Math.PI * i) / n;
        var dx = Math.round(r * Math.cos(a));
        var dy = Math.round(r * Math.sin(a));
        // Around the group's centre; the icon is moved from its own point by margins.
        var own = map.latLngToContainerPoint(m.getLatLng());
        var x = Math.round(c.p.x + dx - s / 2);
        var y = Math.round(c.p.y + dy - s / 2);
        var el = m.getElement();
        el.style.marginLeft = x - Math.round(own.x) + "px";
        el.style.marginTop = y - Math.round(own.y) + "px";
        taken.push({ x: x, y: y, w: s, h: s });
        at[m._ca.id] = L.point(x + s / 2, y + s / 2);
        if (x + s < 0 || y + s < 0 || x > size.x || y > size.y) off++;
      });
    });
    if (CA.fit) CA.fit.update(markers.length, off);
    var labels = CA.labels.filter(function (m) { return map.hasLayer(m) && m.getElement(); });
    labels.sort(function (a, b) { return a._ca.p - b._ca.p; });
    var zoom = map.getZoom();
    labels.forEach(function (m) {
      var span = m.getElement().querySelector(".ca-lbl");
      if (!span) return;
      if (zoom < m._ca.z) {
        span.classList.add("ca-hidden"); // too far out for this kind of label
        return;
      }
      var w = span.offsetWidth;
      var h = span.offsetHeight;
      var own = map.latLngToContainerPoint(m.getLatLng());
      var p = (m._ca.ev && at[m._ca.ev]) || own; // a marker's label goes where its marker is drawn
      if (p.x < 0 || p.y < 0 || p.x > size.x || p.y > size.y) {
        span.classList.add("ca-hidden"); // its point is off the map: no label cut at the edge
        return;
      }
      var tries = candidates(w, h, m._ca.r || 0, m._ca.pos === "centre");
      var spot = null;
      for (var i = 0; i < tries.length && !spot; i++) {
        var r = { x: p.x + tries[i][0], y: p.y + tries[i][1], w: w, h: h };
        // A label stays whole on the map.
        var cut = r.x < 0 || r.y < 0 || r.x + w > size.x || r.y + h > size.y;
        if (!cut && !taken.some(function (t) { return hit(r, t); })) spot = { r: r, d: tries[i] };
      }
      if (spot) {
        var dx = spot.r.x - own.x;
        var dy = spot.r.y - own.y;
        span.style.transform = "translate(" + Math.round(dx) + "px," + Math.round(dy) + "px)";
        span.classList.remove("ca-hidden");
        taken.push(spot.r);
      } else {
        span.classList.add("ca-hidden");
      }
    });
  };
})();
