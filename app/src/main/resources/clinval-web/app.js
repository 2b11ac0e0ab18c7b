'use strict';
// clinval pages: a small single-page application over the JSON API. Every value from the API is
// put into the page as text (never as HTML), so a value cannot inject markup or script.

const state = { me: null, poll: null };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function badge(text) { return el('span', { class: 'badge ' + text, text: text }); }
function fmt(x, digits = 3) { return x === null || x === undefined || Number.isNaN(x) ? 'undefined' : Number(x).toFixed(digits); }
function ci(lo, hi, digits = 3) { return lo === null || lo === undefined ? '' : '(' + fmt(lo, digits) + '–' + fmt(hi, digits) + ')'; }
function est(e) { return e && e.value !== null && e.value !== undefined ? fmt(e.value) + ' ' + ci(e.lower, e.upper) : 'undefined'; }

async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET' && state.me) headers['X-CSRF-Token'] = state.me.csrf;
  const r = await fetch(path, { method: options.method || 'GET', headers, credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const body = await r.json().catch(() => ({ error: 'the server answered ' + r.status }));
  if (r.status === 401 && !path.endsWith('/login')) { showLogin(body.error); throw new Error(body.error); }
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function view(...children) {
  const v = document.getElementById('view');
  v.replaceChildren(...children);
}

function showLogin(message) {
  state.me = null;
  stopPolling();
  document.getElementById('nav').hidden = true;
  document.getElementById('logout').hidden = true;
  document.getElementById('who').textContent = '';
  document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
  view();
}

function loggedIn(me) {
  state.me = me;
  document.getElementById('login').hidden = true;
  document.getElementById('nav').hidden = false;
  document.getElementById('nav-studies').hidden = !me.may_see_studies;
  document.getElementById('nav-pms').hidden = !me.may_see_surveillance;
  document.getElementById('nav-tasks').hidden = !me.may_see_studies;
  document.getElementById('logout').hidden = false;
  document.getElementById('who').textContent = me.name + ' (' + me.groups.join(', ') + ')';
}

function stopPolling() { if (state.poll) { clearInterval(state.poll); state.poll = null; } }

async function route() {
  stopPolling();
  if (state.flashFor !== location.hash) state.flash = null;
  state.flashFor = location.hash;
  if (!state.me) return;
  const hash = location.hash || (state.me.may_see_studies ? '#/studies' : '#/pms');
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', hash.startsWith(a.getAttribute('href')));
  const parts = hash.substring(2).split('/');
  try {
    if (parts[0] === 'studies') await studies();
    else if (parts[0] === 'runs') await run(parts[1]);
    else if (parts[0] === 'tasks') await deskPage();
    else if (parts[0] === 'pms' && parts[1]) await dashboard(parts[1]);
    else if (parts[0] === 'pms') await surveillanceList();
    else view(el('p', { text: 'Nothing here.' }));
  } catch (e) {
    view(el('p', { class: 'error', role: 'alert', text: e.message }));
  }
}

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', { text: h })))),
    el('tbody', {}, rows));
}

// ---- studies ----

async function studies() {
  const list = await api('/api/studies');
  view(el('h1', { text: 'Studies' }),
    list.length === 0 ? el('p', { class: 'muted', text: 'No study run under the server\'s home folder yet (clinval demo makes one).' }) :
    table(['Study', 'Title', 'Task', 'Cases', 'Verdict', 'Sealed', 'Signatures', 'Results written (UTC)'], list.map(r =>
      el('tr', {},
        el('td', {}, el('a', { href: '#/runs/' + r.id, text: r.study, 'data-run': r.id })),
        el('td', { text: r.title }), el('td', { text: r.task }), el('td', { class: 'num', text: r.cases }),
        el('td', {}, badge(r.verdict)), el('td', { text: r.sealed ? 'yes' : 'no' }),
        el('td', { class: 'num', text: r.signatures }), el('td', { text: (r.modified || '').substring(0, 16).replace('T', ' ') })))));
}

async function run(id) {
  const r = await api('/api/runs/' + encodeURIComponent(id));
  const parts = [el('h1', {}, r.study + ' — ' + r.title + ' ', badge(r.verdict))];
  parts.push(el('div', { class: 'card kv' },
    el('span', { class: 'muted', text: 'Task' }), el('span', { text: r.task }),
    el('span', { class: 'muted', text: 'Cases' }), el('span', { text: r.cases }),
    el('span', { class: 'muted', text: 'Device' }), el('span', { text: (r.provenance || {}).device || '' }),
    el('span', { class: 'muted', text: 'Audit trail' }), el('span', {}, badge(r.audit.status), ' ' + r.audit.detail + ' (' + r.audit.entries + ' entries; checked ' + (r.audit.verified_at || '').replace('T', ' ').replace('Z', ' UTC') + ')'),
    el('span', { class: 'muted', text: 'Downloads' }), el('span', {}, (r.downloads || []).map(d =>
      el('a', { href: '/api/runs/' + encodeURIComponent(id) + '/files/' + d, text: d, style: null }, ' ')))));
  parts.push(el('h2', { text: 'Endpoints against the acceptance criteria' }),
    table(['Endpoint', 'Measure', 'Estimate', 'CI', 'Criterion', 'Verdict'], (r.endpoints || []).map(e =>
      el('tr', {}, el('td', { text: e.id + ' ' + e.name }), el('td', { text: e.measure }),
        el('td', { class: 'num', text: fmt(e.estimate) }), el('td', { text: e.ci ? ci(e.ci[0], e.ci[1]) + ' ' + (e.method || '') : '' }),
        el('td', { text: (e.criterion || {}).text || '' }), el('td', {}, badge(e.verdict))))));
  if (r.roc && r.roc.fpr) {
    const box = el('div', { class: 'card chart', id: 'roc' }, el('h3', { text: 'ROC curve' + (r.auc ? ' — AUC ' + fmt(r.auc.estimate) + ' ' + ci(r.auc.ci[0], r.auc.ci[1]) + ', ' + r.auc.method : '') }));
    parts.push(box);
    setTimeout(() => rocChart(box, r), 0);
  }
  const sub = r.subgroups || {};
  const subRows = [];
  for (const [attr, rows] of Object.entries(sub)) {
    if (!Array.isArray(rows)) continue;
    for (const s of rows) subRows.push(el('tr', {}, el('td', { text: attr + ' = ' + s.value }), el('td', { class: 'num', text: s.n }),
      el('td', { class: 'ci', text: s.sensitivity ? fmt(s.sensitivity.estimate) + ' ' + ci(s.sensitivity.ci[0], s.sensitivity.ci[1]) : '' }),
      el('td', { class: 'ci', text: s.specificity ? fmt(s.specificity.estimate) + ' ' + ci(s.specificity.ci[0], s.specificity.ci[1]) : '' }),
      el('td', { class: 'ci', text: s.auc !== undefined && s.auc !== null ? fmt(s.auc) + ' ' + (s.auc_ci ? ci(s.auc_ci[0], s.auc_ci[1]) : '') : '' }),
      el('td', { text: (s.warnings || []).join('; ') })));
  }
  if (subRows.length) parts.push(el('h2', { text: 'Subgroups' }), table(['Subgroup', 'n', 'Sensitivity', 'Specificity', 'AUC', 'Notes'], subRows));
  parts.push(el('h2', { text: 'Acceptance scenarios' }),
    table(['Status', 'Scenario', 'Tags'], (r.acceptance || []).map(s => el('tr', {}, el('td', {}, badge(s.status)), el('td', { text: s.name }), el('td', { class: 'mono', text: (s.tags || []).join(' ') })))));
  parts.push(el('h2', { text: 'Quarantine (' + (r.quarantine || []).length + ' cases)' }),
    (r.quarantine || []).length === 0 ? el('p', { class: 'muted', text: 'No case was quarantined.' }) :
    table(['Case', 'Stage', 'Reason'], r.quarantine.map(q => el('tr', {}, el('td', { class: 'mono', text: q.case_id }), el('td', { text: q.stage }), el('td', { text: q.reason })))));
  parts.push(el('h2', { text: 'Signatures' }),
    table(['Signed by', 'Meaning', 'Time (UTC)', 'What', 'SHA-256'], (r.signatures || []).map(s =>
      el('tr', {}, el('td', { text: s.printed_name + ' (' + s.user + ')' }), el('td', { text: s.meaning }), el('td', { text: s.time }),
        el('td', { text: s.object }), el('td', { class: 'mono', text: s.object_sha256.substring(0, 16) + '…' })))));
  view(...parts);
}

function rocChart(box, r) {
  const fpr = r.roc.fpr, tpr = r.roc.tpr;
  const data = [fpr, tpr, fpr.map(x => x)];
  const opts = { width: Math.min(520, box.clientWidth - 20), height: 360, legend: { show: false },
    scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] } },
    axes: [{ label: '1 − specificity' }, { label: 'sensitivity' }],
    series: [{ label: '1 − specificity' }, { label: 'ROC', stroke: '#1f5fa8', width: 2 }, { label: 'chance', stroke: '#aaa', dash: [4, 4] }] };
  new uPlot(opts, data, box);
}

// ---- surveillance ----

async function surveillanceList() {
  const list = await api('/api/pms');
  view(el('h1', { text: 'Post-market surveillance' }),
    list.length === 0 ? el('p', { class: 'muted', text: 'No surveillance output under the server\'s home folder yet (clinval pms demo makes one).' }) :
    table(['Baseline study', 'Data until', 'Windows', 'Alarms', 'Open investigations'], list.map(p =>
      el('tr', {}, el('td', {}, el('a', { href: '#/pms/' + p.id, text: p.baseline_study || p.id, 'data-pms': p.id })),
        el('td', { text: p.data_until || '' }), el('td', { class: 'num', text: p.windows }),
        el('td', { class: 'num', text: p.alarms }), el('td', { class: 'num', text: p.open_investigations })))));
}

async function dashboard(id, stratum) {
  stopPolling();
  const d = await api('/api/pms/' + encodeURIComponent(id));
  const strata = Object.keys(d.windows);
  const chosen = stratum && strata.includes(stratum) ? stratum : (strata.includes('all') ? 'all' : strata[0]);
  const head = el('h1', {}, 'Surveillance — baseline ' + d.baseline.study + ' ', el('span', { id: 'live', text: 'checking for new data every 5 s' }));
  const buttons = el('div', { class: 'strata' }, strata.map(s => el('button', { class: s === chosen ? 'on' : '', 'data-stratum': s, text: s,
    onclick: () => dashboard(id, s) })));
  const grid = el('div', { class: 'grid' });
  const metricBoxes = ['sensitivity', 'specificity'].map(m => el('div', { class: 'card chart', id: 'chart-' + m }));
  metricBoxes.forEach(b => grid.append(b));
  const cusumGrid = el('div', { class: 'grid' });
  const charts = d.cusum.filter(c => c.stratum === chosen);
  const cusumBoxes = charts.map(c => el('div', { class: 'card chart', id: 'cusum-' + c.metric }));
  cusumBoxes.forEach(b => cusumGrid.append(b));
  const driftRows = d.drift.filter(r => r.stratum === chosen);
  const alarms = d.alarms.filter(a => a.stratum === chosen);
  view(head, buttons, el('div', { id: 'tasks' }),
    el('h2', { text: 'Windowed performance (' + d.window + ', ' + Math.round(d.level * 100) + '% intervals) against the validated baseline and the acceptance goal' }),
    grid,
    el('h2', { text: 'CUSUM monitors' }), charts.length ? cusumGrid : el('p', { class: 'muted', text: 'No CUSUM chart for ' + chosen + '.' }),
    el('h2', { text: 'Drift in the latest window' }),
    table(['Variable', 'Test', 'Window', 'n baseline', 'n current', 'Statistic', 'p', 'Flag'], driftRows.map(r =>
      el('tr', {}, el('td', { text: r.variable }), el('td', { text: r.test }), el('td', { text: r.window_start + ' – ' + r.window_end }),
        el('td', { class: 'num', text: r.n_baseline }), el('td', { class: 'num', text: r.n_current }),
        el('td', { class: 'num', text: fmt(r.statistic, 4) }), el('td', { class: 'num', text: r.p_value === null ? '' : Number(r.p_value).toExponential(2) }),
        el('td', {}, badge(r.flag))))),
    el('h2', { text: 'Alarms (' + alarms.length + ' for ' + chosen + ', ' + d.alarms.length + ' in all)' }),
    table(['Window', 'Kind', 'Metric', 'What', 'Risk controls', 'Investigation'], alarms.slice(0, 50).map(a =>
      el('tr', {}, el('td', { text: a.window_start }), el('td', { text: a.kind }), el('td', { text: a.metric }), el('td', { text: a.summary }),
        el('td', { text: (a.risk_controls || []).join(', ') }),
        el('td', {}, a.investigation ? el('a', { href: '#inv-' + a.investigation, text: a.investigation }) : '', ' ', a.investigation_state ? badge(a.investigation_state) : '')))),
    el('h2', { text: 'Investigations' }),
    table(['Investigation', 'Stratum', 'Metric', 'State', 'Opened', 'Decision', 'Signatures'], d.investigations.map(i =>
      el('tr', { id: 'inv-' + i.investigation_id }, el('td', { text: i.investigation_id }), el('td', { text: i.stratum }), el('td', { text: i.metric }),
        el('td', {}, badge(i.state)), el('td', { text: i.opened }), el('td', { text: i.decision }),
        el('td', { text: i.signatures.map(s => s.user + ' ' + s.meaning).join('; ') })))));
  tasksSection(id, chosen);
  ['sensitivity', 'specificity'].forEach((m, k) => metricChart(metricBoxes[k], d, chosen, m));
  charts.forEach((c, k) => cusumChart(cusumBoxes[k], c));
  let version = d.version;
  state.poll = setInterval(async () => {
    try {
      const v = await api('/api/pms/' + encodeURIComponent(id) + '/version');
      document.getElementById('live').textContent = 'up to date at ' + new Date().toISOString().substring(11, 19) + ' UTC';
      if (v.version !== version) { version = v.version; stopPolling(); dashboard(id, chosen); }
    } catch (e) { stopPolling(); }
  }, 5000);
}

// ---- investigation tasks and the signature dialog ----

async function tasksSection(id, chosen) {
  const box = document.getElementById('tasks');
  if (!box) return;
  let t;
  try { t = await api('/api/pms/' + encodeURIComponent(id) + '/tasks'); } catch (e) { box.replaceChildren(el('p', { class: 'error', text: e.message })); return; }
  if (!t.signing) { box.replaceChildren(el('p', { class: 'muted', text: 'Investigation tasks: ' + t.why })); return; }
  const mine = t.tasks.filter(x => x.mine);
  const shown = mine.slice(0, 10);
  box.replaceChildren(flash(), el('h2', { text: 'Waiting for your signature (' + mine.length + ' of ' + t.tasks.length + ' tasks)' }),
    mine.length === 0 ? el('p', { class: 'muted', text: 'Nothing waits for you.' }) : '',
    ...shown.map(task => taskForm(id, task, t.choices)));
}

function taskForm(id, task, choices) {
  const inputs = {};
  const fields = task.fields.map(f => {
    const input = choices[f]
      ? el('select', { name: f, 'data-field': f }, el('option', { value: '', text: '— choose —' }), choices[f].map(c => el('option', { value: c, text: c.replaceAll('_', ' ') })))
      : el('textarea', { name: f, 'data-field': f });
    inputs[f] = input;
    return el('label', {}, f, input);
  });
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { 'data-task': task.id }, fields, error, el('button', { type: 'submit', text: 'Sign…', 'data-sign': task.id }));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    error.textContent = '';
    const values = {};
    for (const [f, input] of Object.entries(inputs)) values[f] = input.value;
    try {
      const preview = await api('/api/pms/' + encodeURIComponent(id) + '/tasks/' + encodeURIComponent(task.id) + '/preview', { method: 'POST', body: { values } });
      signDialog(id, task, values, preview);
    } catch (e) { error.textContent = e.message; }
  });
  return el('details', { class: 'task', 'data-task-box': task.id },
    el('summary', {}, el('strong', { text: task.investigation_id + ' — ' + task.name }), ' ',
      el('span', { class: 'muted', text: 'waiting since ' + task.created.substring(0, 16).replace('T', ' ') + ' UTC, for ' + task.group })),
    form);
}

function signDialog(id, task, values, preview) {
  signWith(task.investigation_id + ': ' + task.name, preview, task.meanings,
    body => api('/api/pms/' + encodeURIComponent(id) + '/tasks/' + encodeURIComponent(task.id) + '/sign', { method: 'POST', body: Object.assign({ values }, body) }),
    done => {
      state.flash = 'Signed ' + done.signed + ' (SHA-256 ' + done.sha256.substring(0, 16) + '…); ' + done.investigation_id + ' is now ' + done.state + '.';
      tasksSection(id);
    });
}

// The confirmation of the last signature: shown on every redraw of the page until the user
// goes to another page (the pages redraw when their data change).
function flash() {
  return state.flash ? el('p', { class: 'ok', id: 'signed', role: 'status', text: state.flash }) : '';
}

// The one signature dialog: what is signed (file and SHA-256), by whom, the meaning, the password.
function signWith(what, preview, meanings, post, done) {
  const dialog = document.getElementById('sign-dialog');
  document.getElementById('sign-what').textContent = what;
  document.getElementById('sign-file').textContent = preview.file;
  document.getElementById('sign-sha').textContent = preview.sha256 || preview.written;
  document.getElementById('sign-user').textContent = state.me.name + ' (' + state.me.user + ')';
  document.getElementById('sign-meaning').replaceChildren(...meanings.map(m => el('option', { value: m, text: m })));
  document.getElementById('sign-password').value = '';
  document.getElementById('sign-error').textContent = '';
  const form = document.getElementById('sign-form');
  form.onsubmit = async ev => {
    ev.preventDefault();
    const password = document.getElementById('sign-password').value;
    try {
      const result = await post({ meaning: document.getElementById('sign-meaning').value, password, sha256: preview.sha256 });
      document.getElementById('sign-password').value = '';
      dialog.close();
      done(result);
    } catch (e) {
      document.getElementById('sign-password').value = '';
      document.getElementById('sign-error').textContent = e.message;
    }
  };
  document.getElementById('sign-cancel').onclick = () => dialog.close();
  dialog.showModal();
  document.getElementById('sign-password').focus();
}

// ---- the study desk: what waits for my signature ----

async function deskPage() {
  const t = await api('/api/tasks');
  const parts = [el('h1', { text: 'Tasks' }), flash()];
  if (!t.signing) { parts.push(el('p', { class: 'muted', text: t.why })); view(...parts); return; }
  const mine = t.tasks.filter(x => x.mine);
  parts.push(el('h2', { text: 'Waiting for your signature (' + mine.length + ')' }),
    mine.length === 0 ? el('p', { class: 'muted', text: 'Nothing waits for you.' }) : '',
    ...mine.map(task => deskForm(task)));
  const others = t.tasks.filter(x => !x.mine);
  if (others.length) parts.push(el('h2', { text: 'Waiting for others' }),
    table(['Study', 'Task', 'For', 'Since (UTC)'], others.map(x => el('tr', {}, el('td', { text: x.study }), el('td', { text: x.name }),
      el('td', { text: x.group }), el('td', { text: x.created.substring(0, 16).replace('T', ' ') })))));
  parts.push(el('h2', { text: 'Studies' }),
    table(['Study', 'State', 'Results', 'Last activity (UTC)', 'Note'], t.studies.map(x => el('tr', { 'data-study': x.study }, el('td', {}, x.has_results ? el('a', { href: '#/runs/' + x.run, text: x.study }) : x.study),
      el('td', {}, badge(x.state)), el('td', { text: x.has_results ? 'yes' : 'not yet' }),
      el('td', { text: (x.last_activity || '').substring(0, 16).replace('T', ' ') }), el('td', { text: x.problem || '' })))));
  view(...parts);
  if (t.studies.some(x => x.state === 'running steps' || x.state === 'open in another program')) {
    state.poll = setInterval(async () => { if (!document.querySelector('dialog[open]')) { stopPolling(); await deskPage(); } }, 5000);
  }
}

function deskForm(task) {
  const reason = task.needs_reason ? el('textarea', { name: 'reason', 'data-field': 'reason' }) : null;
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { 'data-task': task.id }, reason ? el('label', {}, 'Reason for the deviation', reason) : '', error,
    el('button', { type: 'submit', text: 'Sign…', 'data-sign': task.id }));
  const path = '/api/runs/' + encodeURIComponent(task.run) + '/tasks/' + encodeURIComponent(task.id);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    error.textContent = '';
    try {
      const preview = await api(path + '/preview', { method: 'POST', body: {} });
      signWith(task.study + ': ' + task.name, preview, task.meanings,
        body => api(path + '/sign', { method: 'POST', body: Object.assign({ reason: reason ? reason.value : '' }, body) }),
        done => { state.flash = 'Signed ' + done.signed + ' of ' + done.study + ' (SHA-256 ' + done.sha256.substring(0, 16) + '…); ' + (done.next || 'the study is now ' + done.state) + '.'; stopPolling(); deskPage(); });
    } catch (e) { error.textContent = e.message; }
  });
  return el('div', { class: 'card task', 'data-task-box': task.id },
    el('p', {}, el('strong', { text: task.study + ' — ' + task.name }), ' ',
      el('span', { class: 'muted', text: 'waiting since ' + task.created.substring(0, 16).replace('T', ' ') + ' UTC, for ' + task.group + '; signs ' + task.signs })),
    form);
}

function day(s) { return Date.parse(s + 'T00:00:00Z') / 1000; }

function metricChart(box, d, stratum, metric) {
  const rows = d.windows[stratum] || [];
  const base = d.baseline[metric] || {};
  const x = rows.map(r => day(r.start));
  const v = rows.map(r => r[metric].value), lo = rows.map(r => r[metric].lower), hi = rows.map(r => r[metric].upper);
  const b = rows.map(() => base.estimate ?? null), goal = rows.map(() => base.goal_ci_lower_min ?? base.goal_estimate_min ?? null);
  box.append(el('h3', { text: metric + ' — ' + stratum }));
  const opts = { width: Math.max(480, box.clientWidth - 24), height: 260, legend: { live: false },
    scales: { y: { range: [0, 1] } },
    series: [{}, { label: 'lower', stroke: 'rgba(31,95,168,.35)' }, { label: 'upper', stroke: 'rgba(31,95,168,.35)' },
      { label: metric, stroke: '#1f5fa8', width: 2, points: { show: true } },
      { label: 'validated', stroke: '#1f7a3f', dash: [6, 4] }, { label: 'goal', stroke: '#b42318', dash: [2, 3] }],
    bands: [{ series: [2, 1], fill: 'rgba(31,95,168,.12)' }] };
  new uPlot(opts, [x, lo, hi, v, b, goal], box);
  box.append(el('div', { class: 'legend-note', text: 'Band: the window\'s interval. Green: the validated study\'s estimate' +
    (base.ci_lower !== undefined && base.ci_lower !== null ? ' ' + fmt(base.estimate) + ' ' + ci(base.ci_lower, base.ci_upper) : '') +
    '. Red: the acceptance goal' + (goal[0] !== null && goal[0] !== undefined ? ' ' + fmt(goal[0]) : '') + '.' }));
}

function cusumChart(box, c) {
  const x = c.day.map(day);
  box.append(el('h3', { text: 'CUSUM of daily ' + c.metric + ' — ' + c.stratum + ' (k ' + fmt(c.k, 2) + ', h ' + fmt(c.h, 3) + ')' }),
    el('div', { class: 'legend-note', text: c.alarms.length ? 'Alarms: ' + c.alarms.join(', ') : 'No alarm.' }));
  const opts = { width: Math.max(480, box.clientWidth - 24), height: 220, legend: { live: false },
    series: [{}, { label: 'S high', stroke: '#b26b00' }, { label: 'S low', stroke: '#1f5fa8' }, { label: 'h', stroke: '#b42318', dash: [4, 4] }] };
  new uPlot(opts, [x, c.s_hi, c.s_lo, x.map(() => c.h)], box);
}

// ---- start ----

document.getElementById('login-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  document.getElementById('login-error').textContent = '';
  try {
    const me = await api('/api/login', { method: 'POST', body: { user: document.getElementById('user').value, password: document.getElementById('password').value } });
    document.getElementById('password').value = '';
    loggedIn(me);
    route();
  } catch (e) { document.getElementById('login-error').textContent = e.message; }
});
document.getElementById('logout').addEventListener('click', async () => {
  try { await api('/api/logout', { method: 'POST', body: {} }); } catch (e) { /* ended anyway */ }
  showLogin('Logged out.');
});
window.addEventListener('hashchange', route);
api('/api/me').then(me => { loggedIn(me); route(); }).catch(() => showLogin(''));
