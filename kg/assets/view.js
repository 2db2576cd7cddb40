/* kg network view: draws the graph data embedded in the page with vis-network and wires up
   tooltips (built as text nodes, never parsed as HTML), the search box and the filters.
   window.kgView exposes the network for tests. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var statusBox = document.getElementById("kg-status");
  var searchBox = document.getElementById("kg-search");
  var meta = {nodes: new Map(), edges: new Map()};
  var active = {};
  var searchMessage = "";

  function tipElement(rows) {
    var box = document.createElement("div");
    box.className = "kg-tip";
    rows.forEach(function (row) {
      var line = document.createElement("div");
      if (row[0]) {
        var key = document.createElement("b");
        key.textContent = row[0] + "：";
        line.appendChild(key);
      }
      var value = document.createElement("span");
      value.textContent = row[1];
      line.appendChild(value);
      box.appendChild(line);
    });
    return box;
  }

  function prepare(items, store) {
    return items.map(function (item) {
      var copy = Object.assign({}, item);
      var kg = copy.kg || {tip: [], facets: {}};
      delete copy.kg;
      store.set(copy.id, kg);
      if (kg.tip && kg.tip.length) {
        copy.title = tipElement(kg.tip);
      }
      copy.hidden = false;
      return copy;
    });
  }

  var nodes = new vis.DataSet(prepare(data.nodes, meta.nodes));
  var edges = new vis.DataSet(prepare(data.edges, meta.edges));
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);

  var view = {
    network: network,
    nodes: nodes,
    edges: edges,
    meta: meta,
    settled: false,
    visible: {nodes: nodes.length, edges: edges.length},
    drawn: function () {
      return {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length};
    },
    tooltip: function (id) {
      var kg = meta.nodes.get(id) || meta.edges.get(id);
      return kg ? tipElement(kg.tip || []) : null;
    }
  };
  window.kgView = view;

  function settle() {
    network.setOptions({physics: {enabled: false}});
    view.settled = true;
    document.body.setAttribute("data-settled", "true");
  }
  if (nodes.length === 0 || !data.options.physics || data.options.physics.enabled === false) {
    settle();
  } else {
    network.once("stabilizationIterationsDone", settle);
  }

  function passes(kg) {
    for (var facet in active) {
      if (!active[facet]) { continue; }
      var values = kg.facets ? kg.facets[facet] : undefined;
      if (values !== undefined && values.indexOf(active[facet]) < 0) { return false; }
    }
    return true;
  }

  function showStatus() {
    var total = {nodes: nodes.length, edges: edges.length};
    var hidden = total.nodes - view.visible.nodes;
    var text = "显示 " + view.visible.nodes + "/" + total.nodes + " 个节点、" + view.visible.edges + "/" + total.edges +
      " 条连线 · showing " + view.visible.nodes + " of " + total.nodes + " nodes, " + view.visible.edges + " of " +
      total.edges + " links";
    if (hidden > 0) {
      text += "（筛选隐藏 " + hidden + " 个节点 · " + hidden + " hidden by the filters）";
    }
    if (searchMessage) { text += " — " + searchMessage; }
    statusBox.textContent = text;
  }

  function applyFilters() {
    var nodeOk = new Set();
    nodes.forEach(function (n) { if (passes(meta.nodes.get(n.id))) { nodeOk.add(n.id); } });
    var degree = new Map();
    var edgeOk = [];
    edges.forEach(function (e) {
      if (passes(meta.edges.get(e.id)) && nodeOk.has(e.from) && nodeOk.has(e.to)) {
        edgeOk.push(e);
        degree.set(e.from, (degree.get(e.from) || 0) + 1);
        degree.set(e.to, (degree.get(e.to) || 0) + 1);
      }
    });
    var shown = new Set();
    nodeOk.forEach(function (id) {
      if (!meta.nodes.get(id).needsEdge || degree.get(id)) { shown.add(id); }
    });
    var shownEdges = new Set();
    edgeOk.forEach(function (e) { if (shown.has(e.from) && shown.has(e.to)) { shownEdges.add(e.id); } });
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      var hide = !shown.has(n.id);
      if (n.hidden !== hide) { nodeUpdates.push({id: n.id, hidden: hide}); }
    });
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var hide = !shownEdges.has(e.id);
      if (e.hidden !== hide) { edgeUpdates.push({id: e.id, hidden: hide}); }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    if (nodeUpdates.length && shown.size) { network.fit({nodes: Array.from(shown), animation: false}); }
    view.visible = {nodes: shown.size, edges: shownEdges.size};
    showStatus();
  }
  view.applyFilters = applyFilters;

  Array.prototype.forEach.call(document.querySelectorAll("select.kg-filter"), function (select) {
    select.addEventListener("change", function () {
      active[select.getAttribute("data-facet")] = select.value;
      searchMessage = "";
      applyFilters();
    });
  });

  function normal(text) { return String(text || "").replace(/\s+/g, "").toLowerCase(); }

  function findNode(query) {
    var q = normal(query);
    if (!q) { return null; }
    var exact = [], partial = [];
    nodes.forEach(function (n) {
      var names = (meta.nodes.get(n.id).search || []).map(normal);
      if (names.indexOf(q) >= 0) { exact.push(n); }
      else if (names.some(function (name) { return name.indexOf(q) >= 0; })) { partial.push(n); }
    });
    var pick = function (list) {
      var visible = list.filter(function (n) { return !n.hidden; });
      return (visible.length ? visible : list)[0] || null;
    };
    return pick(exact) || pick(partial);
  }

  function search(query) {
    var node = findNode(query);
    if (!node) {
      searchMessage = "未找到 not found: " + query;
      network.unselectAll();
    } else if (node.hidden) {
      searchMessage = "“" + node.label + "” 被筛选隐藏 is hidden by a filter";
      network.unselectAll();
    } else {
      searchMessage = "已找到 found: " + node.label;
      network.selectNodes([node.id]);
      network.focus(node.id, {scale: 1.3, animation: false});
    }
    showStatus();
    return node ? node.id : null;
  }
  view.search = search;

  searchBox.addEventListener("change", function () { search(searchBox.value); });
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); search(searchBox.value); }
  });
  document.getElementById("kg-controls").addEventListener("submit", function (event) { event.preventDefault(); });

  showStatus();
})();
