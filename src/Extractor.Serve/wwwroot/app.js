// Extractor serve: documents, tables, facts and failed checks, each figure shown on its source page (pdf.js, bundled
// at build time from npm — no CDN) with its bbox highlighted; and a chart comparing agencies for one fact.
import * as pdfjs from '/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
const PDF_OPTIONS = {
  cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/',
  wasmUrl: '/pdfjs/wasm/', iccUrl: '/pdfjs/iccs/', isEvalSupported: false,
};

const view = document.getElementById('view');
const status = document.getElementById('status');

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const num = (v) => (v === null || v === undefined ? '' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 10 }));

async function api(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

function route() {
  const hash = location.hash.slice(1) || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  const go = parts[0] === 'doc' ? showDocument(parts[1], params)
    : parts[0] === 'compare' ? showCompare(params)
    : showDocuments();
  go.catch((e) => { view.innerHTML = `<p class="error">${esc(e.message)}</p>`; });
}
window.addEventListener('hashchange', route);
route();

// ---- jobs (PostgreSQL stores): the link to Hangfire's dashboard, with the queue's counts ---------------------------
async function showJobs() {
  const j = await api('/api/jobs').catch(() => null);
  const link = document.getElementById('jobs');
  if (!j || !j.enabled) return false;
  link.hidden = false;
  link.textContent = `Jobs: ${j.enqueued} waiting · ${j.processing} running · ${j.failed} failed`;
  link.title = 'Hangfire dashboard: queued, running, failed with reason, retried';
  return true;
}
showJobs().then((on) => { if (on) setInterval(showJobs, 10000); });

// ---- documents ------------------------------------------------------------------------------------------------
async function showDocuments() {
  status.textContent = 'loading…';
  const docs = await api('/api/documents');
  status.textContent = `${docs.length} documents`;
  view.innerHTML = `<h1>Documents</h1>
    <table class="grid" id="documents"><thead><tr><th>agency</th><th>year</th><th>kind</th><th>scope</th><th>pages</th><th>status</th><th>source</th></tr></thead>
    <tbody>${docs.map((d) => `<tr class="clickable" data-sha="${esc(d.sha256)}">
      <td><a href="#/doc/${esc(d.sha256)}">${esc(d.agency || '(unknown agency)')}</a></td><td class="num">${esc(d.fiscal_year)}</td>
      <td>${esc(d.kind)}</td><td>${esc(d.scope)}</td><td class="num">${esc(d.pages)}</td>
      <td><span class="badge ${esc(d.status)}">${esc(d.status)}</span> ${esc(d.error_reason || '')}</td>
      <td class="small muted">${esc(d.source)}</td></tr>`).join('')}</tbody></table>`;
  view.querySelectorAll('tr[data-sha]').forEach((tr) => tr.addEventListener('click', (e) => {
    if (e.target.tagName !== 'A') location.hash = `#/doc/${tr.dataset.sha}`;
  }));
}

// ---- one document ---------------------------------------------------------------------------------------------
let currentPdf = null; // { sha, promise }

async function showDocument(sha, params) {
  status.textContent = 'loading…';
  const d = await api(`/api/documents/${encodeURIComponent(sha)}`);
  const doc = d.document;
  const failed = d.checks.filter((c) => c.status === 'fail');
  status.textContent = `${d.facts.length} facts · ${d.tables.length} tables · ${failed.length} failed checks`;
  view.innerHTML = `
    <h1>${esc(doc.agency || '(unknown agency)')} <span class="muted">${esc(doc.fiscal_year ?? '')} ${esc(doc.kind)}</span></h1>
    <div class="small muted">${esc(doc.source)} · ${esc(doc.pages)} pages · unit ${esc(doc.unit || '?')} · sha256 ${esc(doc.sha256.slice(0, 12))}…
      · <span class="badge ${esc(doc.status)}">${esc(doc.status)}</span> ${esc(doc.error_reason || '')} ${esc(doc.error_message || '')}</div>
    <div class="split">
      <div>
        <div class="tabs" id="tabs">
          <button data-tab="facts">Facts (${d.facts.length})</button>
          <button data-tab="tables">Tables (${d.tables.length})</button>
          <button data-tab="checks">Failed checks (${failed.length})</button>
          <button data-tab="sections">Sections (${d.sections.length})</button>
        </div>
        <div class="pane" id="list"></div>
      </div>
      <div class="pane" id="viewer"><p class="muted">Click a fact, a table row or a check to see it on its source page.</p>
        ${d.viewer.available ? '' : `<p class="error">Page view unavailable: ${esc(d.viewer.reason)}</p>`}</div>
    </div>`;
  const list = document.getElementById('list');
  const tabs = {
    facts: () => renderFacts(list, d),
    tables: () => renderTables(list, d),
    checks: () => renderChecks(list, d, failed),
    sections: () => renderSections(list, d),
  };
  const select = (name) => {
    document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
    tabs[name]();
  };
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => select(b.dataset.tab)));
  select(params.get('tab') && tabs[params.get('tab')] ? params.get('tab') : 'facts');
}

function clickable(list, rows, onPick) {
  list.querySelectorAll('tr[data-i]').forEach((tr) => tr.addEventListener('click', () => {
    list.querySelectorAll('tr.selected').forEach((x) => x.classList.remove('selected'));
    tr.classList.add('selected');
    onPick(rows[Number(tr.dataset.i)]);
  }));
}

function renderFacts(list, d) {
  list.innerHTML = `<table class="grid" id="facts"><thead><tr><th>key</th><th>value</th><th>unit</th><th>printed</th><th>from</th><th>page</th></tr></thead>
    <tbody>${d.facts.map((f, i) => `<tr class="clickable" data-i="${i}" data-fact-key="${esc(f.key)}">
      <td>${esc(f.key)}</td><td class="num">${num(f.value)}</td><td>${esc(f.unit)}</td>
      <td class="small">${esc(f.printed ?? '')} ${esc(f.printed_unit ?? '')}</td>
      <td class="small">${esc(f.provenance_kind ?? '')} ${esc(f.table ?? '')}</td><td class="num">${esc(f.page ?? '')}</td></tr>`).join('')}</tbody></table>`;
  clickable(list, d.facts, (f) => showPage(d, f.page, f.bbox ? [f.bbox] : [], `${f.key} = ${num(f.value)} ${f.unit ?? ''}${f.path ? ' · ' + f.path : ''}`));
}

function renderTables(list, d) {
  const rows = [];
  list.innerHTML = d.tables.map((t) => {
    const cols = t.columns;
    const body = t.rows.map((r) => {
      rows.push(r);
      return `<tr class="clickable" data-i="${rows.length - 1}"><td>${esc(r.code ?? '')}</td><td>${esc(r.label)}${r.side ? ` <span class="badge">${esc(r.side)}</span>` : ''}${r.group ? ` <span class="badge">${esc(r.group)}</span>` : ''}</td>
        ${cols.map((c) => `<td class="num">${r.values[c] === undefined ? '' : num(r.values[c])}</td>`).join('')}</tr>`;
    }).join('');
    return `<h2 data-table-id="${esc(t.id)}">${esc(t.title || t.id)} <span class="small muted">${esc(t.id)} · p.${esc(t.page_start)}${t.page_end !== t.page_start ? '–' + esc(t.page_end) : ''} · ${esc(t.unit || '')}</span></h2>
      <table class="grid"><thead><tr><th>code</th><th>label</th>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
  }).join('') || '<p class="muted">No tables.</p>';
  clickable(list, rows, (r) => showPage(d, r.page, r.bbox ? [r.bbox] : [], `${r.code ?? ''} ${r.label}`));
}

function renderChecks(list, d, failed) {
  list.innerHTML = failed.length === 0 ? '<p class="muted">No failed checks.</p>'
    : `<table class="grid" id="checks"><thead><tr><th>rule</th><th>expected</th><th>actual</th><th>tolerance</th><th>message</th></tr></thead>
    <tbody>${failed.map((c, i) => `<tr class="clickable" data-i="${i}"><td>${esc(c.rule)}</td><td class="num">${num(c.expected)}</td>
      <td class="num">${num(c.actual)}</td><td class="num">${num(c.tolerance)}</td><td class="small">${esc(c.message ?? '')}</td></tr>`).join('')}</tbody></table>`;
  clickable(list, failed, (c) => {
    const ev = Array.isArray(c.evidence) ? c.evidence : [];
    const page = ev.find((e) => e.page)?.page;
    showPage(d, page, ev.filter((e) => e.page === page && e.bbox).map((e) => e.bbox), `${c.rule}: expected ${num(c.expected)}, actual ${num(c.actual)}`);
  });
}

function renderSections(list, d) {
  list.innerHTML = `<table class="grid"><thead><tr><th>id</th><th>heading</th><th>page</th></tr></thead>
    <tbody>${d.sections.map((s, i) => `<tr class="clickable" data-i="${i}"><td class="small">${esc(s.id)}</td>
      <td style="padding-left:${(s.level || 1) * 0.6}rem">${esc(s.heading)}</td><td class="num">${esc(s.page ?? '')}</td></tr>`).join('')}</tbody></table>`;
  clickable(list, d.sections, (s) => showPage(d, s.page, [], s.heading));
}

// ---- the source page with the bbox highlighted ------------------------------------------------------------------
async function showPage(d, pageNumber, boxes, caption) {
  const viewer = document.getElementById('viewer');
  if (!d.viewer.available) {
    viewer.innerHTML = `<p class="error">Page view unavailable: ${esc(d.viewer.reason)}</p><p>${esc(caption)} (page ${esc(pageNumber ?? '?')})</p>`;
    return;
  }
  if (!pageNumber) { viewer.innerHTML = `<p class="muted">${esc(caption)}: no page recorded.</p>`; return; }
  viewer.innerHTML = `<div class="small"><b>${esc(caption)}</b> · page ${esc(pageNumber)}</div><p class="muted small" id="page-loading">rendering…</p>`;
  if (!currentPdf || currentPdf.sha !== d.document.sha256) {
    currentPdf = { sha: d.document.sha256, promise: pdfjs.getDocument({ url: d.viewer.url, ...PDF_OPTIONS }).promise };
  }
  const pdf = await currentPdf.promise;
  const page = await pdf.getPage(pageNumber);
  const width = Math.max(320, viewer.clientWidth - 30);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / base.width });
  const wrap = document.createElement('div');
  wrap.className = 'page-wrap';
  const canvas = document.createElement('canvas');
  canvas.id = 'page-canvas';
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  wrap.appendChild(canvas);
  document.getElementById('page-loading')?.remove();
  viewer.appendChild(wrap);
  const ctx = canvas.getContext('2d');
  await page.render({ canvasContext: ctx, canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise;
  canvas.dataset.renderedPage = String(pageNumber);
  // bbox: PDF points, origin bottom-left; the viewport maps it to CSS pixels (rotation and crop box included).
  let first = null;
  for (const b of boxes) {
    if (!b || b.length !== 4 || (b[2] - b[0] <= 0 && b[3] - b[1] <= 0)) continue;
    const [ax, ay] = viewport.convertToViewportPoint(b[0], b[1]);
    const [bx, by] = viewport.convertToViewportPoint(b[2], b[3]);
    const hl = document.createElement('div');
    hl.className = 'highlight';
    hl.style.left = `${Math.min(ax, bx) - 2}px`;
    hl.style.top = `${Math.min(ay, by) - 2}px`;
    hl.style.width = `${Math.abs(bx - ax) + 4}px`;
    hl.style.height = `${Math.abs(by - ay) + 4}px`;
    wrap.appendChild(hl);
    first ??= hl;
  }
  if (!first && boxes.length === 0) viewer.insertAdjacentHTML('beforeend', '<p class="muted small">No bbox recorded: the page is shown without a highlight.</p>');
  first?.scrollIntoView({ block: 'center', behavior: 'instant' });
}

// ---- compare agencies for one fact ----------------------------------------------------------------------------
async function showCompare(params) {
  status.textContent = 'loading…';
  const keys = await api('/api/keys');
  const key = params.get('key') || (keys.find((k) => k.key === 'three_public.total') || keys[0] || {}).key;
  const year = params.get('year') || '';
  view.innerHTML = `<h1>Compare agencies</h1>
    <div class="controls">
      <label>fact <select id="key">${keys.map((k) => `<option value="${esc(k.key)}" ${k.key === key ? 'selected' : ''}>${esc(k.key)} (${k.documents})</option>`).join('')}</select></label>
      <label>year <input id="year" type="number" min="1990" max="2100" value="${esc(year)}" placeholder="all"></label>
    </div>
    <div id="chart"></div><div id="compare-table"></div>`;
  const update = () => {
    const q = new URLSearchParams({ key: document.getElementById('key').value });
    const y = document.getElementById('year').value;
    if (y) q.set('year', y);
    location.hash = `#/compare?${q}`;
  };
  document.getElementById('key').addEventListener('change', update);
  document.getElementById('year').addEventListener('change', update);
  if (!key) { status.textContent = 'no facts stored'; return; }
  const q = new URLSearchParams({ key });
  if (year) q.set('year', year);
  const rows = await api(`/api/compare?${q}`);
  status.textContent = `${rows.length} documents hold ${key}`;
  drawChart(document.getElementById('chart'), rows, key);
  document.getElementById('compare-table').innerHTML = `<table class="grid"><thead><tr><th>agency</th><th>year</th><th>kind</th><th>value</th><th>unit</th><th>prior</th><th>change</th><th>change %</th></tr></thead>
    <tbody>${rows.map((r) => `<tr><td><a href="#/doc/${esc(r.sha256)}">${esc(r.agency || '(unknown)')}</a></td><td class="num">${esc(r.fiscal_year ?? '')}</td><td>${esc(r.kind)}</td>
      <td class="num">${num(r.value)}</td><td>${esc(r.unit)}</td><td class="num">${num(r.prior_value)}</td><td class="num">${num(r.change)}</td>
      <td class="num">${r.change_percent === null ? '' : esc(r.change_percent) + '%'}</td></tr>`).join('')}</tbody></table>`;
}

function drawChart(el, rows, key) {
  if (rows.length === 0) { el.innerHTML = `<p class="muted">No document holds ${esc(key)}.</p>`; return; }
  const labelW = 320, barW = 520, rowH = 26, top = 24;
  const max = Math.max(...rows.map((r) => Math.abs(Number(r.value))), 1e-9);
  const h = top + rows.length * rowH + 10;
  const bars = rows.map((r, i) => {
    const w = Math.max(1, (Math.abs(Number(r.value)) / max) * barW);
    const y = top + i * rowH;
    return `<g><text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(r.agency || '(unknown)')} ${esc(r.fiscal_year ?? '')}</text>
      <a href="#/doc/${esc(r.sha256)}?tab=facts"><rect class="bar" data-sha="${esc(r.sha256)}" x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}"><title>${esc(r.agency)} ${esc(r.fiscal_year)}: ${num(r.value)} ${esc(r.unit)}</title></rect></a>
      <text x="${labelW + w + 6}" y="${y + 16}">${num(r.value)} ${esc(r.unit ?? '')}</text></g>`;
  }).join('');
  el.innerHTML = `<svg class="chart" width="${labelW + barW + 160}" height="${h}" role="img" aria-label="${esc(key)} by agency">
    <text x="${labelW}" y="14" font-weight="bold">${esc(key)}</text>${bars}</svg>`;
}
