// Extractor serve: the store's documents, tables and facts as lists to sort, filter, search and download as CSV; each
// figure shown where it was printed (a PDF page drawn by pdf.js, bundled at build time from npm — no CDN — with the
// figure's own box highlighted; a saved web page with its element highlighted); and a chart comparing agencies for one
// fact, one kind of document at a time.
import * as pdfjs from '/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
const PDF_OPTIONS = {
  cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/',
  wasmUrl: '/pdfjs/wasm/', iccUrl: '/pdfjs/iccs/', isEvalSupported: false,
};

let keyNames = null; // the store's fact keys with their Chinese names, fetched once
let currentPdf = null; // { sha, promise }
const view = document.getElementById('view');
const status = document.getElementById('status');

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const num = (v) => (v === null || v === undefined ? '' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 10 }));
const KINDS = { final_account: '决算 final account', budget: '预算 budget', performance_evaluation: '绩效 evaluation', unknown: 'unknown kind' };

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
  document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('active', a.getAttribute('href') === `#/${parts[0] || ''}`));
  const go = parts[0] === 'doc' ? showDocument(parts[1], params)
    : parts[0] === 'compare' ? showCompare(params)
    : parts[0] === 'tables' ? showTables()
    : parts[0] === 'facts' ? showFacts(params)
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


// ---- a list to sort, filter, search and download -------------------------------------------------------------------
// columns: [{ key, label, value(row) (what sorts, filters and goes to CSV), html(row) (what is shown), num, filter }]
function grid(el, { id, rows, columns, onPick, empty, rowAttr }) {
  const state = { sort: null, desc: false, filters: {}, search: '' };
  const valueOf = (c, r) => (c.value ? c.value(r) : r[c.key]);
  const filterable = columns.filter((c) => c.filter);
  el.innerHTML = `<div class="controls" id="${id}-controls">
      <input type="search" id="${id}-search" placeholder="search…" aria-label="search">
      ${filterable.map((c) => {
        const values = [...new Set(rows.map((r) => valueOf(c, r)).filter((v) => v !== null && v !== undefined && v !== ''))]
          .sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh')));
        return `<label>${esc(c.label)} <select data-filter="${esc(c.key)}"><option value="">all</option>
          ${values.map((v) => `<option value="${esc(v)}">${esc(c.filterLabel ? c.filterLabel(v) : v)}</option>`).join('')}</select></label>`;
      }).join('')}
      <span class="muted small" id="${id}-count"></span>
      <button type="button" id="${id}-csv">Download CSV</button>
    </div>
    <div class="scroll"><table class="grid" id="${id}"><thead><tr>${columns.map((c) =>
      `<th data-sort="${esc(c.key)}" class="sortable${c.num ? ' num' : ''}" title="sort">${esc(c.label)}</th>`).join('')}</tr></thead><tbody></tbody></table></div>`;
  const tbody = el.querySelector('tbody');
  const shown = () => {
    const q = state.search.trim().toLowerCase();
    let out = rows.filter((r) => Object.entries(state.filters).every(([k, v]) => !v || String(valueOf(columns.find((c) => c.key === k), r) ?? '') === v)
      && (!q || columns.some((c) => String(valueOf(c, r) ?? '').toLowerCase().includes(q))));
    if (state.sort) {
      const c = columns.find((x) => x.key === state.sort);
      out = [...out].sort((a, b) => {
        const x = valueOf(c, a); const y = valueOf(c, b);
        if (x === y) return 0;
        if (x === null || x === undefined || x === '') return 1;
        if (y === null || y === undefined || y === '') return -1;
        const d = c.num ? Number(x) - Number(y) : String(x).localeCompare(String(y), 'zh');
        return state.desc ? -d : d;
      });
    }
    return out;
  };
  const render = () => {
    const out = shown();
    tbody.innerHTML = out.map((r) => `<tr class="clickable" data-i="${rows.indexOf(r)}" ${rowAttr ? rowAttr(r) : ''}>${columns.map((c) =>
      `<td class="${c.num ? 'num' : ''}${c.small ? ' small' : ''}">${c.html ? c.html(r) : esc(valueOf(c, r))}</td>`).join('')}</tr>`).join('')
      || `<tr><td colspan="${columns.length}" class="muted">${esc(empty || 'Nothing matches.')}</td></tr>`;
    el.querySelector(`#${id}-count`).textContent = `${out.length} of ${rows.length}`;
    el.querySelectorAll('th[data-sort]').forEach((th) => {
      th.classList.toggle('asc', th.dataset.sort === state.sort && !state.desc);
      th.classList.toggle('desc', th.dataset.sort === state.sort && state.desc);
    });
    tbody.querySelectorAll('tr[data-i]').forEach((tr) => tr.addEventListener('click', (e) => {
      if (e.target.closest('a')) return;
      tbody.querySelectorAll('tr.selected').forEach((x) => x.classList.remove('selected'));
      tr.classList.add('selected');
      onPick?.(rows[Number(tr.dataset.i)], tr);
    }));
  };
  el.querySelectorAll('th[data-sort]').forEach((th) => th.addEventListener('click', () => {
    state.desc = state.sort === th.dataset.sort ? !state.desc : false;
    state.sort = th.dataset.sort;
    render();
  }));
  el.querySelectorAll('select[data-filter]').forEach((s) => s.addEventListener('change', () => { state.filters[s.dataset.filter] = s.value; render(); }));
  el.querySelector(`#${id}-search`).addEventListener('input', (e) => { state.search = e.target.value; render(); });
  el.querySelector(`#${id}-csv`).addEventListener('click', () => download(`${id}.csv`, columns, shown(), valueOf));
  render();
  return { render };
}

// RFC 4180: the rows shown, in the order shown, the values as stored (exact decimals, not the display format).
function csvOf(columns, rows, valueOf) {
  const field = (v) => { const s = v === null || v === undefined ? '' : String(v); return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  return [columns.map((c) => field(c.csv || c.key)).join(','), ...rows.map((r) => columns.map((c) => field(valueOf(c, r))).join(','))].join('\r\n') + '\r\n';
}

function download(name, columns, rows, valueOf) {
  const blob = new Blob(['\uFEFF' + csvOf(columns, rows, valueOf)], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.dataset.rows = String(rows.length);
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

const yearCol = { key: 'fiscal_year', label: 'year', num: true, filter: true };
const kindCol = { key: 'kind', label: 'kind', filter: true, filterLabel: (v) => KINDS[v] || v };
const agencyCol = (link) => ({ key: 'agency', label: 'agency', filter: true, html: (r) => `<a href="#/doc/${esc(r.sha256)}${link ? link(r) : ''}">${esc(r.agency || '(unknown agency)')}</a>` });

// ---- documents -------------------------------------------------------------------------------------------------------
async function showDocuments() {
  status.textContent = 'loading…';
  const docs = await api('/api/documents');
  status.textContent = `${docs.length} documents`;
  view.innerHTML = '<h1>Documents</h1><div id="list"></div>';
  grid(document.getElementById('list'), {
    id: 'documents', rows: docs, empty: 'No document matches.',
    columns: [agencyCol(), yearCol, kindCol, { key: 'scope', label: 'scope', filter: true }, { key: 'pages', label: 'pages', num: true },
      { key: 'status', label: 'status', filter: true, html: (d) => `<span class="badge ${esc(d.status)}">${esc(d.status)}</span> ${esc(d.error_reason || '')}` },
      { key: 'source', label: 'source', small: true }],
    onPick: (d) => { location.hash = `#/doc/${d.sha256}`; },
  });
}

// ---- tables of every document ------------------------------------------------------------------------------------------
async function showTables() {
  status.textContent = 'loading…';
  const tables = await api('/api/tables');
  status.textContent = `${tables.length} tables`;
  view.innerHTML = '<h1>Tables</h1><div id="list"></div>';
  grid(document.getElementById('list'), {
    id: 'tables', rows: tables,
    columns: [agencyCol((t) => `?tab=tables&table=${t.ord}`), yearCol, kindCol, { key: 'id', label: 'table id', filter: true, small: true },
      { key: 'title', label: 'title' }, { key: 'page_start', label: 'page', num: true }, { key: 'rows', label: 'rows', num: true }, { key: 'unit', label: 'unit', filter: true }],
    onPick: (t) => { location.hash = `#/doc/${t.sha256}?tab=tables&table=${t.ord}`; },
  });
}

// ---- facts of every document ----------------------------------------------------------------------------------------------
async function keys() { keyNames ??= await api('/api/keys'); return keyNames; }
const nameOf = (key) => (keyNames || []).find((k) => k.key === key)?.name;

async function showFacts(params) {
  status.textContent = 'loading…';
  const [all] = await Promise.all([api(`/api/facts${params.get('key') ? `?key=${encodeURIComponent(params.get('key'))}` : ''}`), keys()]);
  status.textContent = `${all.facts.length} facts${all.truncated ? ' (first ones only: filter by key)' : ''}`;
  view.innerHTML = '<h1>Facts</h1><div id="list"></div>';
  grid(document.getElementById('list'), {
    id: 'facts', rows: all.facts,
    columns: [agencyCol((f) => `?fact=${encodeURIComponent(f.key)}`), yearCol, kindCol,
      { key: 'key', label: 'key', filter: true, filterLabel: (k) => (nameOf(k) ? `${nameOf(k)} ${k}` : k), html: (f) => `${esc(nameOf(f.key) || '')} <span class="small muted">${esc(f.key)}</span>` },
      { key: 'value', label: 'value', num: true, html: (f) => num(f.value) }, { key: 'unit', label: 'unit' },
      { key: 'provenance_kind', label: 'from', filter: true }, { key: 'page', label: 'page', num: true }],
    onPick: (f) => { location.hash = `#/doc/${f.sha256}?fact=${encodeURIComponent(f.key)}`; },
  });
}

// ---- one document -----------------------------------------------------------------------------------------------------------
async function showDocument(sha, params) {
  status.textContent = 'loading…';
  const [d] = await Promise.all([api(`/api/documents/${encodeURIComponent(sha)}`), keys()]);
  const doc = d.document;
  const failed = d.checks.filter((c) => c.status === 'fail');
  status.textContent = `${d.facts.length} facts · ${d.tables.length} tables · ${failed.length} failed checks`;
  view.innerHTML = `
    <h1>${esc(doc.agency || '(unknown agency)')} <span class="muted">${esc(doc.fiscal_year ?? '')} ${esc(KINDS[doc.kind] || doc.kind)}</span></h1>
    <div class="small muted">${esc(doc.source)} · ${esc(doc.pages)} pages · unit ${esc(doc.unit || '?')} · sha256 ${esc(doc.sha256.slice(0, 12))}…
      · <span class="badge ${esc(doc.status)}">${esc(doc.status)}</span> ${esc(doc.error_reason || '')} ${esc(doc.error_message || '')}</div>
    <div class="split">
      <div class="left">
        <div class="tabs" id="tabs">
          <button data-tab="facts">Facts (${d.facts.length})</button>
          <button data-tab="tables">Tables (${d.tables.length})</button>
          <button data-tab="checks">Failed checks (${failed.length})</button>
          <button data-tab="sections">Sections (${d.sections.length})</button>
        </div>
        <div class="pane" id="list"></div>
      </div>
      <div class="pane" id="viewer"><p class="muted">Click a fact, a figure in a table or a check to see it where it was printed.</p>
        ${d.viewer.available ? '' : `<p class="error">Page view unavailable: ${esc(d.viewer.reason)}</p>`}</div>
    </div>`;
  const list = document.getElementById('list');
  const tabs = {
    facts: () => renderFacts(list, d, params.get('fact')),
    tables: () => renderTables(list, d, params.get('table')),
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

function renderFacts(list, d, pick) {
  const showFact = (f) => showSource(d, { page: f.page, boxes: f.bbox ? [f.bbox] : [], path: f.path },
    `${nameOf(f.key) || f.key} = ${num(f.value)} ${f.unit ?? ''}${f.printed ? ` (printed ${f.printed}${f.printed_unit ?? ''})` : ''}`);
  const g = grid(list, {
    id: 'facts', rows: d.facts,
    columns: [{ key: 'key', label: 'key', filter: true, html: (f) => `${esc(nameOf(f.key) || '')} <span class="small muted">${esc(f.key)}</span>` },
      { key: 'value', label: 'value', num: true, html: (f) => num(f.value) }, { key: 'unit', label: 'unit' },
      { key: 'printed', label: 'printed', small: true, value: (f) => `${f.printed ?? ''}${f.printed_unit ?? ''}` },
      { key: 'provenance_kind', label: 'from', filter: true, small: true, value: (f) => [f.provenance_kind, f.table].filter(Boolean).join(' ') },
      { key: 'page', label: 'page', num: true }],
    onPick: showFact,
    rowAttr: (f) => `data-fact-key="${esc(f.key)}"`,
  });
  if (pick) {
    const i = d.facts.findIndex((f) => f.key === pick);
    const tr = list.querySelector(`#facts tr[data-i="${i}"]`);
    if (tr) { tr.classList.add('selected'); tr.scrollIntoView({ block: 'center' }); showFact(d.facts[i]); }
  }
  return g;
}

// Each figure is clickable: its own box (the cell, not the row) is what the page view highlights.
function renderTables(list, d, pickTable) {
  list.innerHTML = d.tables.map((t, ti) => {
    const cols = t.columns;
    const body = t.rows.map((r, ri) => `<tr data-t="${ti}" data-r="${ri}"><td>${esc(r.code ?? '')}</td><td class="label clickable">${esc(r.label)}${r.side ? ` <span class="badge">${esc(r.side)}</span>` : ''}${r.group ? ` <span class="badge">${esc(r.group)}</span>` : ''}</td>
        ${cols.map((c, ci) => (r.values[c] === undefined ? '<td></td>' : `<td class="num cell clickable" data-c="${ci}">${num(r.values[c])}</td>`)).join('')}</tr>`).join('');
    return `<h2 data-table-id="${esc(t.id)}" data-ord="${t.ord}">${esc(t.title || t.id)} <span class="small muted">${esc(t.id)} · p.${esc(t.page_start)}${t.page_end !== t.page_start ? '–' + esc(t.page_end) : ''} · ${esc(t.unit || '')}</span></h2>
      <div class="scroll"><table class="grid rows"><thead><tr><th>code</th><th>label</th>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></div>`;
  }).join('') || '<p class="muted">No tables.</p>';
  list.querySelectorAll('td.clickable').forEach((td) => td.addEventListener('click', () => {
    const tr = td.closest('tr');
    const t = d.tables[Number(tr.dataset.t)];
    const r = t.rows[Number(tr.dataset.r)];
    list.querySelectorAll('.selected').forEach((x) => x.classList.remove('selected'));
    td.classList.add('selected');
    if (td.dataset.c === undefined) {
      showSource(d, { page: r.page, boxes: r.bbox ? [r.bbox] : [], path: r.path }, `${r.code ?? ''} ${r.label}`);
      return;
    }
    const column = t.columns[Number(td.dataset.c)];
    const at = r.cells?.[column];
    showSource(d, { page: r.page, boxes: at?.bbox ? [at.bbox] : r.bbox ? [r.bbox] : [], path: at?.path ?? r.path },
      `${r.label} · ${column} = ${num(r.values[column])} ${t.unit ?? ''}`);
  }));
  if (pickTable !== null && pickTable !== undefined) list.querySelector(`h2[data-ord="${CSS.escape(pickTable)}"]`)?.scrollIntoView({ block: 'start' });
}

function renderChecks(list, d, failed) {
  if (failed.length === 0) { list.innerHTML = '<p class="muted">No failed checks.</p>'; return; }
  grid(list, {
    id: 'checks', rows: failed,
    columns: [{ key: 'rule', label: 'rule', filter: true, small: true }, { key: 'expected', label: 'expected', num: true, html: (c) => num(c.expected) },
      { key: 'actual', label: 'actual', num: true, html: (c) => num(c.actual) }, { key: 'tolerance', label: 'tolerance', num: true, html: (c) => num(c.tolerance) },
      { key: 'message', label: 'message', small: true }],
    onPick: (c) => {
      const ev = Array.isArray(c.evidence) ? c.evidence : [];
      const page = ev.find((e) => e.page)?.page;
      showSource(d, { page, boxes: ev.filter((e) => e.page === page && e.bbox).map((e) => e.bbox), path: ev.find((e) => e.path)?.path },
        `${c.rule}: expected ${num(c.expected)}, actual ${num(c.actual)}`);
    },
  });
}

function renderSections(list, d) {
  grid(list, {
    id: 'sections', rows: d.sections,
    columns: [{ key: 'id', label: 'id', filter: true, small: true }, { key: 'heading', label: 'heading' }, { key: 'page', label: 'page', num: true }],
    onPick: (s) => showSource(d, { page: s.page, boxes: [] }, s.heading),
  });
}

// ---- where a figure was printed ----------------------------------------------------------------------------------------------
function showSource(d, at, caption) {
  if (!d.viewer.available) {
    const viewer = document.getElementById('viewer');
    viewer.innerHTML = `<p class="error">Page view unavailable: ${esc(d.viewer.reason)}</p><p>${esc(caption)} (page ${esc(at.page ?? '?')})</p>
      ${at.path ? `<p class="small">element <code>${esc(at.path)}</code></p>` : ''}`;
    return Promise.resolve();
  }
  return d.viewer.kind === 'html' ? showElement(d, at.path, caption) : showPage(d, at.page, at.boxes, caption);
}

// A saved web page, inert (sandboxed, no scripts, nothing fetched), scrolled to the element the figure came from.
async function showElement(d, path, caption) {
  const viewer = document.getElementById('viewer');
  viewer.innerHTML = `<div class="small"><b>${esc(caption)}</b>${path ? ` · <code class="small">${esc(path)}</code>` : ''}</div>
    <iframe id="page-frame" sandbox="allow-same-origin" title="saved page" src="${esc(d.viewer.url)}"></iframe>`;
  const frame = document.getElementById('page-frame');
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const doc = frame.contentDocument;
  const style = doc.createElement('style');
  style.textContent = '.extractor-highlight { outline: 3px solid #e8590c !important; background: rgba(255, 200, 0, .35) !important; }';
  doc.head?.appendChild(style);
  let el = null;
  try { el = path ? doc.querySelector(path) : null; } catch { el = null; }
  if (el) {
    el.classList.add('extractor-highlight');
    el.scrollIntoView({ block: 'center' });
    frame.dataset.highlighted = path;
  } else if (path) viewer.insertAdjacentHTML('beforeend', '<p class="muted small">The element was not found in the saved page.</p>');
}

async function showPage(d, pageNumber, boxes, caption) {
  const viewer = document.getElementById('viewer');
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
    hl.dataset.bbox = b.join(',');
    wrap.appendChild(hl);
    first ??= hl;
  }
  if (!first && boxes.length === 0) viewer.insertAdjacentHTML('beforeend', '<p class="muted small">No bbox recorded: the page is shown without a highlight.</p>');
  first?.scrollIntoView({ block: 'center', behavior: 'instant' });
}

// ---- compare agencies for one fact, one kind of document at a time ---------------------------------------------------------
async function showCompare(params) {
  status.textContent = 'loading…';
  const all = (await keys()).filter((k) => !k.key.endsWith('.prior_year'));
  const key = params.get('key') || (all.find((k) => k.key === 'three_public.total') || all[0] || {}).key;
  const entry = all.find((k) => k.key === key) || { kinds: {} };
  const kinds = Object.entries(entry.kinds || {}).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const kind = params.get('kind') || kinds[0] || '';
  const year = params.get('year') || '';
  const sort = params.get('sort') || 'value';
  view.innerHTML = `<h1>Compare agencies</h1>
    <div class="controls">
      <label>fact <select id="key">${all.map((k) => `<option value="${esc(k.key)}" ${k.key === key ? 'selected' : ''}>${esc(k.name ? `${k.name} · ${k.key}` : k.key)} (${k.documents})</option>`).join('')}</select></label>
      <label>kind <select id="kind">${kinds.map((k) => `<option value="${esc(k)}" ${k === kind ? 'selected' : ''}>${esc(KINDS[k] || k)} (${entry.kinds[k]})</option>`).join('')}</select></label>
      <label>year <input id="year" type="number" min="1990" max="2100" value="${esc(year)}" placeholder="all"></label>
      <label>sort <select id="sort">${['value', 'agency', 'change'].map((s) => `<option ${s === sort ? 'selected' : ''}>${s}</option>`).join('')}</select></label>
    </div>
    <div id="chart"></div><div id="compare-table"></div>`;
  const update = () => {
    const q = new URLSearchParams({ key: document.getElementById('key').value });
    if (document.getElementById('key').value === key) q.set('kind', document.getElementById('kind').value);
    const y = document.getElementById('year').value;
    if (y) q.set('year', y);
    q.set('sort', document.getElementById('sort').value);
    location.hash = `#/compare?${q}`;
  };
  ['key', 'kind', 'year', 'sort'].forEach((id) => document.getElementById(id).addEventListener('change', update));
  if (!key) { status.textContent = 'no facts stored'; return; }
  const q = new URLSearchParams({ key, sort });
  if (kind) q.set('kind', kind);
  if (year) q.set('year', year);
  const res = await api(`/api/compare?${q}`);
  const rows = res.rows;
  status.textContent = `${rows.length} ${KINDS[kind] || ''} documents hold ${res.name || key}`;
  drawChart(document.getElementById('chart'), rows, res, kind);
  grid(document.getElementById('compare-table'), {
    id: 'compare', rows,
    columns: [agencyCol((r) => `?fact=${encodeURIComponent(key)}`), yearCol, { key: 'scope', label: 'scope', filter: true },
      { key: 'value', label: 'value', num: true, html: (r) => num(r.value) }, { key: 'unit', label: 'unit' },
      { key: 'prior_value', label: 'prior year', num: true, html: (r) => num(r.prior_value) },
      { key: 'change', label: 'change', num: true, html: (r) => num(r.change) },
      { key: 'change_percent', label: 'change %', num: true, html: (r) => (r.change_percent === null ? '' : `${esc(r.change_percent)}%`) },
      { key: 'prior_source', label: 'prior from', small: true }],
    empty: res.why || 'Nothing matches.',
  });
}

// Bars in the order the table shows them (largest first by default), on a labelled axis in the key's unit.
function drawChart(el, rows, res, kind) {
  if (rows.length === 0) { el.innerHTML = `<p class="muted">${esc(res.why || `No document holds ${res.key}.`)}</p>`; return; }
  const labelW = 300, barW = 520, rowH = 24, top = 44, axisH = 30;
  const values = rows.map((r) => Number(r.value));
  const max = Math.max(...values, 0), min = Math.min(...values, 0);
  const step = niceStep((max - min) / 5 || 1);
  const lo = Math.floor(min / step) * step, hi = Math.max(Math.ceil(max / step) * step, lo + step);
  const x = (v) => labelW + ((v - lo) / (hi - lo)) * barW;
  const ticks = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(t);
  const h = top + rows.length * rowH + axisH;
  const unit = res.unit || rows[0]?.unit || '';
  const lines = ticks.map((t) => `<g class="tick"><line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 4}" y2="${top + rows.length * rowH}"></line>
    <text x="${x(t).toFixed(1)}" y="${top + rows.length * rowH + 16}" text-anchor="middle">${num(Number(t.toPrecision(12)))}</text></g>`).join('');
  const bars = rows.map((r, i) => {
    const v = Number(r.value);
    const x0 = x(Math.min(0, v)), x1 = x(Math.max(0, v));
    const y = top + i * rowH;
    return `<g><text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(r.agency || '(unknown)')} ${esc(r.fiscal_year ?? '')}</text>
      <a href="#/doc/${esc(r.sha256)}?fact=${encodeURIComponent(res.key)}"><rect class="bar" data-sha="${esc(r.sha256)}" data-value="${esc(r.value)}" x="${x0.toFixed(1)}" y="${y + 3}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${rowH - 8}"><title>${esc(r.agency)} ${esc(r.fiscal_year)}: ${num(r.value)} ${esc(r.unit)}</title></rect></a>
      <text x="${(x1 + 6).toFixed(1)}" y="${y + 16}">${num(r.value)}</text></g>`;
  }).join('');
  el.innerHTML = `<svg class="chart" viewBox="0 0 ${labelW + barW + 120} ${h}" width="100%" style="max-width:${labelW + barW + 120}px" role="img" aria-label="${esc(res.name || res.key)} by agency">
    <text x="${labelW}" y="16" class="title">${esc(res.name || res.key)} · ${esc(KINDS[kind] || kind || '')}</text>
    <text x="${labelW}" y="32" class="small">${esc(res.key)}, in ${esc(unit)}; ${rows.length} documents</text>
    <g class="axis">${lines}<text x="${labelW + barW}" y="${top + rows.length * rowH + 28}" text-anchor="end" class="unit">${esc(unit)}</text></g>${bars}</svg>`;
}

function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}
