// Sentinela's dashboard: the latest published run's flags per month and per UF, a segment's
// seasonal factors and baseline over the published runs, the top flags with their evidence, and
// analysts' verdicts.
// Plain JavaScript and inline SVG; it reads the API on the same origin and nothing else.
"use strict";

(function () {
  const API = "/api/v1";
  const SVG = "http://www.w3.org/2000/svg";
  const TOKEN_KEY = "sentinela.analystToken";
  const TOP_FLAGS = 25;

  const $ = (id) => document.getElementById(id);

  /** The newest request of each kind: an answer to an older one arriving late is dropped. */
  const latestRequest = {};

  function ticket(kind) {
    latestRequest[kind] = (latestRequest[kind] || 0) + 1;
    const number = latestRequest[kind];
    return () => latestRequest[kind] === number;
  }

  /** An element with attributes and children (strings become text, never HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attrs);
    children.forEach((child) => node.append(child));
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    setAttributes(node, attrs);
    children.forEach((child) => node.append(child));
    return node;
  }

  function setAttributes(node, attrs) {
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined) {
        node.setAttribute(name, String(value));
      }
    });
  }

  /** GETs or POSTs JSON; a problem detail (RFC 7807) becomes an Error with its detail. */
  async function api(path, options) {
    const response = await fetch(API + path, options);
    const type = response.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await response.json() : null;
    if (!response.ok) {
      const error = new Error((body && body.detail) || `${response.status} ${response.statusText}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function showStatus(message, isError) {
    const status = $("status");
    status.textContent = message;
    status.className = isError ? "error" : "";
  }

  // ---- formatting ----------------------------------------------------------------------------

  /** "2499135.7800" -> "R$ 2.499.135,78", from the exact decimal string (no binary double). */
  function reais(decimal) {
    if (decimal === null || decimal === undefined) {
      return "–";
    }
    const negative = decimal.startsWith("-");
    const [whole, fraction = ""] = decimal.replace("-", "").split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    const cents = (fraction + "00").slice(0, 2);
    return `${negative ? "-" : ""}R$ ${grouped},${cents}`;
  }

  /** A baseline value in reais (a double), rounded to whole reais. */
  function approxReais(value) {
    return "R$ " + Math.round(value).toLocaleString("pt-BR");
  }

  function probability(value) {
    if (value === null || value === undefined) {
      return "–";
    }
    return value < 0.001 ? value.toExponential(1) : value.toFixed(3);
  }

  function monthLabel(month) {
    const [year, m] = month.split("-");
    return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
      Number(m) - 1] + " " + year.slice(2);
  }

  // ---- charts --------------------------------------------------------------------------------

  /** The months from the first to the last, those without flags at 0 (unless over 20 years). */
  function everyMonth(months) {
    if (months.length < 2) return months;
    const index = (month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
    const first = index(months[0].month), last = index(months[months.length - 1].month);
    if (last - first >= 240) return months;
    const known = new Map(months.map((m) => [index(m.month), m]));
    const all = [];
    for (let i = first; i <= last; i++) {
      const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
      all.push(known.get(i) || {month, flags: 0, high_flags: 0});
    }
    return all;
  }

  /** The smallest 1, 2 or 5 × 10^k that is at least a quarter of max, times four. */
  function niceMax(max) {
    const rough = Math.max(1, max) / 4;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map((f) => f * power).find((f) => f >= rough);
    return Math.max(1, Math.ceil(step)) * 4;
  }

  /** Vertical bars per month: all flags, with the high-severity part drawn over them. */
  function monthChart(flagged) {
    const months = everyMonth(flagged);
    const width = 560, height = 220, left = 36, bottom = 28, top = 10;
    const max = niceMax(Math.max(...months.map((m) => m.flags)));
    const step = (width - left) / Math.max(1, months.length);
    const bar = Math.max(4, step * 0.7);
    const y = (count) => top + (height - top - bottom) * (1 - count / max);
    const chart = svg("svg", {
      viewBox: `0 0 ${width} ${height}`, class: "bars", role: "img",
      "aria-label": "Flags per signature month"
    });
    chart.append(axisY(max, y, left, width));
    months.forEach((m, i) => {
      const x = left + i * step + (step - bar) / 2;
      const group = svg("g", {class: "bar", "data-month": m.month, "data-flags": m.flags,
        "data-high-flags": m.high_flags},
        svg("title", {}, `${monthLabel(m.month)}: ${m.flags} flags, ${m.high_flags} high`),
        svg("rect", {class: "all", x, y: y(m.flags), width: bar, height: y(0) - y(m.flags)}),
        svg("rect", {class: "high", x, y: y(m.high_flags), width: bar,
          height: y(0) - y(m.high_flags)}));
      chart.append(group);
      if (months.length <= 18 || i % Math.ceil(months.length / 12) === 0) {
        chart.append(svg("text", {x: x + bar / 2, y: height - 10, class: "label",
          "text-anchor": "middle"}, monthLabel(m.month)));
      }
    });
    return chart;
  }

  /** Horizontal bars per UF, most flags first. */
  function ufChart(ufs) {
    const width = 560, row = 22, left = 40, right = 50;
    const height = Math.max(row, ufs.length * row) + 8;
    const max = Math.max(1, ...ufs.map((u) => u.flags));
    const x = (count) => left + (width - left - right) * (count / max);
    const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "bars", role: "img",
      "aria-label": "Flags per buyer UF"});
    ufs.forEach((u, i) => {
      const top = 4 + i * row;
      chart.append(svg("g", {class: "bar", "data-uf": u.uf, "data-flags": u.flags,
        "data-high-flags": u.high_flags},
        svg("title", {}, `${u.uf}: ${u.flags} flags, ${u.high_flags} high`),
        svg("text", {x: left - 6, y: top + row / 2 + 4, class: "label", "text-anchor": "end"}, u.uf),
        svg("rect", {class: "all", x: left, y: top + 3, width: x(u.flags) - left, height: row - 6}),
        svg("rect", {class: "high", x: left, y: top + 3, width: x(u.high_flags) - left,
          height: row - 6}),
        svg("text", {x: x(u.flags) + 4, y: top + row / 2 + 4, class: "value"}, String(u.flags))));
    });
    return chart;
  }

  function axisY(max, y, left, width) {
    const axis = svg("g", {class: "axis"});
    const ticks = 4;
    for (let i = 0; i <= ticks; i++) {
      const value = Math.round((max * i) / ticks);
      axis.append(svg("line", {x1: left, x2: width, y1: y(value), y2: y(value)}));
      axis.append(svg("text", {x: left - 4, y: y(value) + 4, "text-anchor": "end", class: "label"},
        String(value)));
    }
    return axis;
  }

  /** A segment's baseline per published run: a box from p25 to p75, whiskers to p01 and p99,
   *  and the medians joined by a line. */
  function baselineChart(history) {
    const points = history.items;
    const width = 1100, height = 260, left = 100, right = 60, top = 12, bottom = 30;
    const low = Math.log(Math.min(...points.map((p) => p.p01_value)));
    const high = Math.log(Math.max(...points.map((p) => p.p99_value)));
    const span = Math.max(1e-9, high - low);
    const y = (value) => top + (height - top - bottom) * (1 - (Math.log(value) - low) / span);
    const box = Math.max(3, Math.min(28, (width - left - right) / points.length * 0.6));
    const from = left + box, to = width - right - box;
    const x = (i) => points.length === 1
      ? (from + to) / 2
      : from + ((to - from) * i) / (points.length - 1);
    const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "baseline", role: "img",
      "aria-label": `Baseline of ${history.segment_key}`});
    [Math.exp(low), Math.exp((low + high) / 2), Math.exp(high)].forEach((value) => {
      chart.append(svg("line", {class: "grid", x1: left, x2: width - right, y1: y(value),
        y2: y(value)}));
      chart.append(svg("text", {class: "label", x: left - 6, y: y(value) + 4,
        "text-anchor": "end"}, approxReais(value)));
    });
    if (points.length > 1) {
      chart.append(svg("polyline", {class: "median",
        points: points.map((p, i) => `${x(i)},${y(p.median_value)}`).join(" ")}));
    }
    const labelEvery = Math.ceil(points.length / 8);
    points.forEach((p, i) => {
      chart.append(svg("line", {class: "tail", x1: x(i), x2: x(i), y1: y(p.p01_value),
        y2: y(p.p99_value)}));
      chart.append(svg("rect", {class: "band", x: x(i) - box / 2, y: y(p.p75_value), width: box,
        height: Math.max(1, y(p.p25_value) - y(p.p75_value))}));
      chart.append(svg("circle", {class: "point", cx: x(i), cy: y(p.median_value), r: 4,
        "data-run": p.run_id, "data-median": p.median_value},
        svg("title", {}, `${p.run_id} (${p.published_at.slice(0, 10)}): median `
          + `${approxReais(p.median_value)}, quartiles ${approxReais(p.p25_value)}–`
          + `${approxReais(p.p75_value)}, 1st–99th percentile ${approxReais(p.p01_value)}–`
          + `${approxReais(p.p99_value)}, ${p.contracts} contracts`)));
      if (i % labelEvery === 0 || i === points.length - 1) {
        chart.append(svg("text", {class: "label", x: x(i), y: height - 10,
          "text-anchor": "middle"}, p.published_at.slice(0, 10)));
      }
    });
    return chart;
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
    "Dec"];

  /** A segment's 12 monthly seasonal factors as bars up or down from 1× the segment's median, on a
   *  log scale; a month without contracts shows a dash. */
  function seasonalChart(profile) {
    const width = 1100, height = 240, left = 70, right = 20, top = 14, bottom = 30;
    const byMonth = new Map(profile.items.map((m) => [m.month, m]));
    const reach = Math.max(0.05, ...profile.items.map((m) => Math.abs(m.factor))) * 1.1;
    const y = (factor) => top + (height - top - bottom) * (0.5 - factor / (2 * reach));
    const step = (width - left - right) / 12;
    const bar = step * 0.6;
    const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "seasonal", role: "img",
      "aria-label": `Seasonal factors of ${profile.segment_key}`});
    [-reach, 0, reach].forEach((factor) => {
      chart.append(svg("line", {class: factor === 0 ? "axis" : "grid", x1: left,
        x2: width - right, y1: y(factor), y2: y(factor)}));
      chart.append(svg("text", {class: "label", x: left - 6, y: y(factor) + 4,
        "text-anchor": "end"}, `${Math.exp(factor).toFixed(2)}×`));
    });
    MONTHS.forEach((name, i) => {
      const month = byMonth.get(i + 1);
      const x = left + step * i + (step - bar) / 2;
      if (month) {
        const up = month.factor >= 0;
        chart.append(svg("rect", {class: up ? "month above" : "month below", x,
          y: up ? y(month.factor) : y(0), width: bar,
          height: Math.max(1, Math.abs(y(month.factor) - y(0))),
          "data-month": month.month, "data-factor": month.factor},
          svg("title", {}, `${name}: ${month.multiple.toFixed(2)}× the segment's median `
            + `(factor ${month.factor.toFixed(3)}, ${month.observations} contracts in `
            + `${month.years} years, weight ${month.weight.toFixed(2)})`)));
      } else {
        chart.append(svg("text", {class: "label missing", x: x + bar / 2, y: y(0) - 6,
          "text-anchor": "middle", "data-month": i + 1}, "–"));
      }
      chart.append(svg("text", {class: "label", x: x + bar / 2, y: height - 10,
        "text-anchor": "middle"}, name));
    });
    return chart;
  }

  // ---- sections ------------------------------------------------------------------------------

  async function loadCounts() {
    const counts = await api("/flag-counts");
    if (!counts.run) {
      $("run").textContent = "No run has been published yet.";
      return counts;
    }
    $("run").textContent = `Run ${counts.run.run_id}, published `
      + `${new Date(counts.run.published_at).toLocaleString("pt-BR")}: ${counts.flags} flags, `
      + `${counts.high_flags} of high severity.`;
    $("by-month").replaceChildren(monthChart(counts.by_month));
    $("by-uf").replaceChildren(ufChart(counts.by_uf));
    const ufs = $("filter-uf");
    counts.by_uf.map((u) => u.uf).sort().forEach((uf) => ufs.append(el("option", {value: uf}, uf)));
    return counts;
  }

  let segments = [];

  async function loadSegments() {
    const select = $("segment");
    let cursor = null;
    segments = [];
    do {
      const page = await api("/baselines?limit=500" + (cursor ? "&cursor=" + cursor : ""));
      page.items.forEach((b) => segments.push(b));
      cursor = page.next_cursor;
    } while (cursor && segments.length < 5000);
    segments.forEach((b, i) => select.append(el("option",
      {value: String(i), "data-level": b.level, "data-segment": b.segment_key},
      `${b.segment_key} (${b.level}, ${b.contracts} contracts)`)));
    let preferred = 0;
    segments.forEach((b, i) => {
      const best = segments[preferred];
      if (b.level === "UF_MODALITY"
          && (best.level !== "UF_MODALITY" || b.contracts > best.contracts)) {
        preferred = i;
      }
    });
    if (segments.length > 0) {
      select.value = String(preferred);
      await showBaseline();
    }
  }

  async function showBaseline() {
    const isLatest = ticket("baseline");
    const chosen = segments[Number($("segment").value)];
    const segment = `level=${encodeURIComponent(chosen.level)}`
      + `&segment=${encodeURIComponent(chosen.segment_key)}`;
    const [seasonal, history] = await Promise.all([
      api(`/seasonal-factors?${segment}`).catch((error) => {
        if (error.status === 404) return null;
        throw error;
      }),
      api(`/baselines/history?${segment}`)]);
    if (!isLatest()) return;
    $("seasonal-chart").replaceChildren(seasonal
      ? seasonalChart(seasonal)
      : el("p", {class: "hint"}, "No seasonal factors for this segment in the latest run."));
    $("baseline-chart").replaceChildren(baselineChart(history));
  }

  async function loadTopFlags() {
    const isLatest = ticket("flags");
    const query = new URLSearchParams({limit: String(TOP_FLAGS)});
    if ($("filter-uf").value) query.set("uf", $("filter-uf").value);
    if ($("filter-severity").value) query.set("severity", $("filter-severity").value);
    if ($("filter-q").value) query.set("max_q_value", $("filter-q").value);
    const page = await api("/anomalies?" + query);
    if (!isLatest()) return;
    const rows = page.items.map((a) => {
      const row = el("tr", {tabindex: 0, "data-anomaly-id": a.anomaly_id},
        el("td", {class: "number"}, a.score.toFixed(1)),
        el("td", {}, el("span", {class: "severity " + a.severity.toLowerCase()}, a.severity)),
        el("td", {class: "number"}, probability(a.q_value)),
        el("td", {}, a.detector),
        el("td", {}, a.buyer.unit_name || a.buyer.unit_code,
          el("small", {}, `UG ${a.buyer.unit_code} · ${a.buyer.uf}`)),
        el("td", {}, a.supplier.name || a.supplier.id, el("small", {}, a.supplier.id)),
        el("td", {class: "money"}, reais(a.final_value)),
        el("td", {class: "date"}, a.signature_date));
      const open = guarded(() => showDetail(a.anomaly_id));
      row.addEventListener("click", open);
      row.addEventListener("keydown", (event) => {
        if (event.key === "Enter") open();
      });
      return row;
    });
    if (rows.length === 0) {
      rows.push(el("tr", {}, el("td", {colspan: 8, class: "empty"}, "No flag matches.")));
    }
    document.querySelector("#top-flags tbody").replaceChildren(...rows);
  }

  let current = null;

  async function showDetail(anomalyId) {
    const isLatest = ticket("detail");
    const a = await api("/anomalies/" + encodeURIComponent(anomalyId));
    if (!isLatest()) return;
    current = a.anomaly_id;
    document.querySelectorAll("#top-flags tr.selected").forEach((r) => r.classList.remove("selected"));
    const row = document.querySelector(`#top-flags tr[data-anomaly-id="${CSS.escape(a.anomaly_id)}"]`);
    if (row) row.classList.add("selected");
    $("detail-id").textContent = a.anomaly_id;
    $("detail-explanation").textContent = a.explanation;
    const facts = [
      ["Detector", `${a.detector} (threshold ${a.threshold}, version ${a.threshold_version})`],
      ["Score", `${a.score} · ${a.severity}`],
      ["p-value / q-value", `${probability(a.p_value)} / ${probability(a.q_value)}`],
      ["Contract", `${a.contract_number} · ${a.modality}`],
      ["Object", a.object_text || "–"],
      ["Buyer", [a.buyer.unit_name, a.buyer.organ_name, a.buyer.superior_organ_name]
        .filter(Boolean).join(" · ") + ` (${a.buyer.uf})`],
      ["Supplier", `${a.supplier.name || ""} ${a.supplier.id} (${a.supplier.kind})`.trim()],
      ["Value", `${reais(a.initial_value)} initial → ${reais(a.final_value)} final`],
      ["Dates", `signed ${a.signature_date}, published ${a.publication_date || "–"}`],
      ["Flagged since", a.first_seen_at ? a.first_seen_at.slice(0, 10) : "–"],
    ];
    $("detail-facts").replaceChildren(...facts.flatMap(([name, value]) =>
      [el("dt", {}, name), el("dd", {}, value)]));
    $("detail-evidence").textContent = JSON.stringify(a.evidence, null, 2);
    $("feedback-status").textContent = "";
    $("feedback-status").className = "";
    $("note").value = "";
    $("detail").hidden = false;
    $("detail").parentElement.classList.add("with-detail");
  }

  // ---- feedback ------------------------------------------------------------------------------

  function savedToken() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function showTokenState() {
    const saved = savedToken() !== null;
    $("token-saved").hidden = !saved;
    $("token-field").hidden = saved;
  }

  async function sendVerdict(verdict) {
    const status = $("feedback-status");
    const token = savedToken() || $("token").value.trim();
    if (!token) {
      status.textContent = "Enter your analyst token first.";
      status.className = "error";
      return;
    }
    status.textContent = "Sending…";
    status.className = "";
    const body = {verdict};
    if ($("note").value.trim()) body.note = $("note").value;
    try {
      const saved = await api(`/anomalies/${encodeURIComponent(current)}/feedback`, {
        method: "POST",
        headers: {"Content-Type": "application/json", Authorization: "Bearer " + token},
        body: JSON.stringify(body),
      });
      sessionStorage.setItem(TOKEN_KEY, token);
      $("token").value = "";
      status.textContent = `Recorded ${saved.verdict} by ${saved.analyst} at `
        + `${new Date(saved.updated_at).toLocaleString("pt-BR")}.`;
      status.className = "ok";
      status.dataset.verdict = saved.verdict;
    } catch (error) {
      if (error.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
      }
      status.textContent = (error.status === 401 ? "Token rejected: " : "Not recorded: ")
        + error.message;
      status.className = "error";
      delete status.dataset.verdict;
    }
    showTokenState();
  }

  // ---- start ---------------------------------------------------------------------------------

  function guarded(action) {
    return () => action().catch((error) => showStatus("Could not load: " + error.message, true));
  }

  async function start() {
    showTokenState();
    $("segment").addEventListener("change", guarded(showBaseline));
    ["filter-uf", "filter-severity", "filter-q"].forEach((id) =>
      $(id).addEventListener("change", guarded(loadTopFlags)));
    $("feedback").addEventListener("submit", (event) => {
      event.preventDefault();
      sendVerdict(event.submitter.dataset.verdict);
    });
    $("forget-token").addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      showTokenState();
    });
    try {
      const counts = await loadCounts();
      if (counts.run) {
        await Promise.all([loadSegments(), loadTopFlags()]);
      }
      document.body.dataset.state = "ready";
    } catch (error) {
      showStatus("Could not load the dashboard: " + error.message, true);
      document.body.dataset.state = "error";
    }
  }

  start();
})();
