'use strict';
const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const RT_KEY = 'andy.refreshToken';

/** Builds an element; string children become text nodes, so data is never parsed as HTML. */
function el(tag, props, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'class') n.className = v;
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else if (v != null && v !== false) n.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat(Infinity)) if (kid != null && kid !== false) n.append(kid instanceof Node ? kid : String(kid));
  return n;
}
function when(iso) {
  const d = new Date(iso);
  if (!iso || isNaN(d)) return '';
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}
function toast(title, text, kind) {
  if (kind === 'error' && !signedIn) return; // e.g. a call that failed because the session ended
  const box = $('toasts');
  const t = el('div', { class: 'toast ' + (kind || ''), role: 'status', title: 'Dismiss', onclick: () => t.remove() },
    el('strong', {}, title), text ? el('div', {}, text) : null);
  box.append(t);
  while (box.children.length > 4) box.firstChild.remove();
  setTimeout(() => t.remove(), kind === 'error' ? 9000 : 6000);
}

/* ---------- HTTP: access token in memory, refresh token in sessionStorage, problem+json errors ---------- */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The request failed (HTTP ${status}).`);
    this.status = status;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}
let access = null, accessUntil = 0, refreshing = null, signedIn = false;

async function problemOf(res) {
  let p = {};
  try { p = JSON.parse(await res.text()); } catch (e) { /* not JSON: the status alone */ }
  return new ApiError(res.status, p && typeof p === 'object' ? p : {});
}
/**
 * A change (POST, PUT, PATCH, DELETE) always carries an Idempotency-Key, the same one when it is sent again: if an
 * answer is lost (a timeout says the outcome is unknown), sending it again cannot do it twice.
 */
function withIdempotencyKey(opts) {
  const method = (opts.method || 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || (opts.headers && opts.headers['Idempotency-Key'])) return opts;
  return { ...opts, headers: { ...(opts.headers || {}), 'Idempotency-Key': newKey() } };
}
/** 128 random bits as a UUID; crypto.randomUUID() exists only on https and localhost, getRandomValues everywhere. */
function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
async function send(path, opts = {}) {
  const { method = 'GET', body, headers = {}, signal, auth = true } = withIdempotencyKey(opts);
  const h = { ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (auth && access) h.Authorization = 'Bearer ' + access;
  try {
    return await fetch(path, { method, headers: h, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: 'Andy cannot be reached. Is it running (./andy up)?' });
  }
}
/** A signed-in call: on 401 the access token is refreshed once and the call retried. Throws ApiError unless 2xx. */
async function call(path, opts = {}) {
  opts = withIdempotencyKey(opts); // one key for the first try and the retry after a refresh
  let res = await send(path, opts);
  if (res.status === 401 && opts.auth !== false && sessionStorage.getItem(RT_KEY)) {
    await refresh();
    res = await send(path, opts);
  }
  if (res.ok) return res;
  const err = await problemOf(res);
  if (res.status === 401 && opts.auth !== false) sessionEnded();
  throw err;
}
async function api(path, opts) {
  const text = await (await call(path, opts)).text();
  return text ? JSON.parse(text) : null;
}
function setTokens(t) {
  access = t.accessToken;
  accessUntil = Date.now() + (Number(t.expiresIn) || 0) * 1000;
  sessionStorage.setItem(RT_KEY, t.refreshToken);
  wsReauth();
}
/** One refresh at a time: a refresh token is spent when used. */
function refresh() {
  refreshing = refreshing || (async () => {
    const token = sessionStorage.getItem(RT_KEY);
    if (!token) throw new ApiError(401, { detail: 'Please sign in.' });
    const res = await send('/api/auth/refresh', { method: 'POST', body: { refreshToken: token }, auth: false });
    if (!res.ok) {
      const err = await problemOf(res);
      if (res.status === 400 || res.status === 401) sessionEnded();
      throw err;
    }
    setTokens(await res.json());
  })().finally(() => { refreshing = null; });
  return refreshing;
}

/* ---------- signing in and out ---------- */
let mode = 'login';
const field = (name) => $('auth').elements.namedItem(name);
function setMode(m) {
  const signup = (mode = m) === 'signup';
  $('authTitle').textContent = signup ? 'Create your account' : 'Sign in';
  $('authGo').textContent = signup ? 'Create account' : 'Sign in';
  $('switchText').textContent = signup ? 'Already have an account?' : 'New here?';
  $('switch').textContent = signup ? 'Sign in' : 'Create an account';
  document.querySelectorAll('[data-mode=signup]').forEach((n) => { n.hidden = !signup; });
  field('password').autocomplete = signup ? 'new-password' : 'current-password';
  showProblem(null);
}
/** Shows a problem's detail; each field error goes under its field, or in the list when there is no such field. */
function showProblem(err) {
  const form = $('auth'), box = $('authProblem'), others = [];
  form.querySelectorAll('.ferr').forEach((n) => n.remove());
  box.hidden = !err;
  if (!err) return;
  for (const fe of err.errors) {
    const input = form.elements.namedItem(String(fe.field || '').split('.').pop());
    if (input && !input.closest('[hidden]')) input.after(el('small', { class: 'ferr' }, fe.message));
    else others.push(fe.field ? `${fe.field}: ${fe.message}` : fe.message);
  }
  box.replaceChildren(el('div', {}, err.message, others.length ? el('ul', {}, others.map((o) => el('li', {}, o))) : null));
}
function setSignedIn(yes, info) {
  signedIn = yes;
  document.querySelectorAll('.signed-in').forEach((n) => { n.hidden = !yes; });
  $('auth').hidden = yes;
  $('authInfo').hidden = !info;
  $('authInfo').textContent = info || '';
  if (!yes) { $('who').textContent = ''; field('email').focus(); }
}
$('switch').addEventListener('click', () => setMode(mode === 'login' ? 'signup' : 'login'));
$('auth').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const creds = { email: field('email').value.trim(), password: field('password').value };
  $('authGo').disabled = true;
  showProblem(null);
  try {
    if (mode === 'signup') {
      await api('/api/auth/signup', { method: 'POST', auth: false,
        body: { ...creds, displayName: field('displayName').value.trim(), timezone: field('timezone').value.trim() } });
    }
    setTokens(await api('/api/auth/login', { method: 'POST', auth: false, body: creds }));
    field('password').value = '';
    await enter();
  } catch (e) { showProblem(e); } finally { $('authGo').disabled = false; }
});
async function enter() {
  setSignedIn(true);
  api('/api/me').then((me) => { $('who').textContent = me.displayName || me.email; }).catch(() => {});
  connectWs();
  loadPending();
  await loadConvs();
  if (convs.length) openConv(convs[0].id); else showEmpty();
}
function sessionEnded() {
  if (signedIn) leave('Your session has ended. Please sign in again.');
  else { access = null; sessionStorage.removeItem(RT_KEY); }
}
function leave(info) {
  if (turn) turn.abort();
  stopWs();
  access = null;
  sessionStorage.removeItem(RT_KEY);
  convs = []; current = null;
  $('convs').replaceChildren(); $('msgs').replaceChildren(); renderPending([]);
  setSignedIn(false, info);
}
$('signout').addEventListener('click', () => {
  const token = sessionStorage.getItem(RT_KEY);
  if (token) send('/api/auth/logout', { method: 'POST', auth: false, body: { refreshToken: token } }).catch(() => {});
  leave('You are signed out.');
});

/* ---------- conversations ---------- */
let convs = [], convCursor = null, current = null, convsSeq = 0; // current: { id, cursor }
const gone = new Set(); // deleted here: a list fetched just before must not bring them back
async function loadConvs(more) {
  const seq = ++convsSeq;
  try {
    const page = await api('/api/chat/conversations' + (more && convCursor ? '?cursor=' + enc(convCursor) : ''));
    if (seq !== convsSeq) return; // a newer list is on its way
    const list = (page.conversations || []).filter((c) => !gone.has(c.id));
    convs = more ? convs.concat(list) : list;
    convCursor = page.nextCursor || null;
    renderConvs();
  } catch (e) { toast('Could not load your conversations', e.message, 'error'); }
}
function renderConvs() {
  $('convs').replaceChildren(...convs.map((c) => el('li', { class: current && current.id === c.id ? 'active' : '' },
    el('button', { class: 'open', onclick: () => openConv(c.id) },
      el('span', {}, c.title || 'New chat'), el('small', {}, when(c.updatedAt || c.createdAt))),
    el('button', { class: 'del', title: 'Delete', 'aria-label': 'Delete conversation', onclick: () => removeConv(c) }, '✕'))));
  $('moreConvs').hidden = !convCursor;
}
async function removeConv(c) {
  if (!confirm(`Delete "${c.title || 'New chat'}"? This cannot be undone.`)) return;
  try {
    await call(`/api/chat/conversations/${enc(c.id)}`, { method: 'DELETE' });
    gone.add(c.id);
    convs = convs.filter((x) => x.id !== c.id);
    if (current && current.id === c.id) showEmpty(); else renderConvs();
  } catch (e) { toast('Could not delete the conversation', e.message, 'error'); }
}
async function openConv(id) {
  document.body.classList.remove('nav-open');
  current = { id, cursor: null };
  renderConvs();
  $('earlier').hidden = true;
  $('msgs').replaceChildren(el('div', { class: 'empty' }, 'Loading…'));
  try {
    const c = await api(`/api/chat/conversations/${enc(id)}`), messages = c.messages || [];
    if (!current || current.id !== id) return;
    current.cursor = c.nextCursor || null;
    $('msgs').replaceChildren(...messages.map(message));
    if (!messages.length) showEmpty(true);
    $('earlier').hidden = !current.cursor;
    scrollDown(true);
    renderPending(pendingActions);
  } catch (e) {
    if (current && current.id === id) $('msgs').replaceChildren(el('div', { class: 'empty' }, e.message));
  }
  $('input').focus();
}
async function loadEarlier() {
  const c = current, log = $('log'), btn = $('earlier');
  if (!c || !c.cursor) return;
  btn.disabled = true;
  try {
    const page = await api(`/api/chat/conversations/${enc(c.id)}?cursor=${enc(c.cursor)}`);
    if (current !== c) return;
    const fromBottom = log.scrollHeight - log.scrollTop; // keep what the person was looking at in place
    $('msgs').prepend(...(page.messages || []).map(message));
    log.scrollTop = log.scrollHeight - fromBottom;
    c.cursor = page.nextCursor || null;
    btn.hidden = !c.cursor;
  } catch (e) { toast('Could not load earlier messages', e.message, 'error'); } finally { btn.disabled = false; }
}
function showEmpty(keepCurrent) {
  if (!keepCurrent) current = null;
  renderConvs();
  $('earlier').hidden = true;
  const ideas = ["What's on my calendar tomorrow?", 'Any new email from my manager?', 'Remind me to call Sam at 5pm'];
  $('msgs').replaceChildren(el('div', { class: 'empty' }, 'Ask Andy anything.', el('div', { class: 'chips' },
    ideas.map((t) => el('button', { type: 'button', onclick: () => { $('input').value = t; $('input').focus(); } }, t)))));
}
function message(m) {
  return el('div', { class: 'msg ' + (m.role === 'user' ? 'user' : 'assistant'), 'data-id': m.id },
    el('div', { class: 'bubble' }, m.text || ''), el('time', {}, when(m.createdAt)));
}
function scrollDown(force) {
  const log = $('log');
  if (force || log.scrollHeight - log.scrollTop - log.clientHeight < 120) log.scrollTop = log.scrollHeight;
}

/* ---------- a turn: POST the message, read the Server-Sent Events ---------- */
let turn = null; // the AbortController of the running turn
/** Reads an SSE body: events end with a blank line; `event:` names one, its `data:` lines (joined by \n) are JSON. */
async function readSse(body, onEvent) {
  const reader = body.getReader(), decoder = new TextDecoder();
  let raw = '', text = '';
  const dispatch = (block) => {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (!line || line[0] === ':') continue; // a comment (keep-alive)
      const i = line.indexOf(':'), key = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(line[i + 1] === ' ' ? i + 2 : i + 1);
      if (key === 'event') name = value; else if (key === 'data') data.push(value);
    }
    if (!data.length) return;
    let payload;
    try { payload = JSON.parse(data.join('\n')); } catch (e) { payload = { text: data.join('\n') }; }
    onEvent(name, payload || {});
  };
  for (;;) {
    const { value, done } = await reader.read();
    raw += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const cut = !done && raw.endsWith('\r') ? raw.length - 1 : raw.length; // a \r\n may be split across chunks
    text += raw.slice(0, cut).replace(/\r\n?/g, '\n');
    raw = raw.slice(cut);
    let end;
    while ((end = text.indexOf('\n\n')) >= 0) { dispatch(text.slice(0, end)); text = text.slice(end + 2); }
    if (done) { if (text.trim()) dispatch(text); return; }
  }
}
function answerBubble() {
  const words = document.createTextNode(''), typing = el('span', { class: 'typing' });
  const bubble = el('div', { class: 'bubble' }, words, typing), status = el('div', { class: 'status' });
  const extras = el('div', {}), time = el('time', {});
  return {
    node: el('div', { class: 'msg assistant' }, bubble, status, extras, time), done: false,
    add(t) { typing.remove(); words.data += t; status.textContent = ''; scrollDown(); },
    set(t) { typing.remove(); words.data = t; },
    progress(t) { status.textContent = t; scrollDown(); },
    error(m) { typing.remove(); bubble.append(el('div', { class: 'err' }, m)); scrollDown(); },
    card(a) { extras.append(actionCard(a)); scrollDown(); },
    finish() {
      typing.remove(); status.textContent = ''; time.textContent = when(new Date().toISOString());
      if (!words.data && !bubble.querySelector('.err')) bubble.append(el('span', { class: 'muted' }, '(no answer)'));
    },
  };
}
async function sendMessage() {
  const input = $('input'), text = input.value.trim();
  if (!text || turn) return;
  const ctl = turn = new AbortController();
  setBusy(true);
  let answer = null;
  try {
    if (!current) {
      const c = await api('/api/chat/conversations', { method: 'POST', body: {} });
      convs.unshift(c);
      current = { id: c.id, cursor: null };
      renderConvs();
    }
    input.value = '';
    autosize();
    $('msgs').querySelector('.empty')?.remove();
    answer = answerBubble();
    $('msgs').append(message({ role: 'user', text, createdAt: new Date().toISOString() }), answer.node);
    scrollDown(true);
    const res = await call(`/api/chat/conversations/${enc(current.id)}/messages`,
      { method: 'POST', body: { text }, headers: { Accept: 'text/event-stream' }, signal: ctl.signal });
    if ((res.headers.get('Content-Type') || '').includes('text/event-stream') && res.body) {
      await readSse(res.body, (name, d) => onTurnEvent(answer, name, d));
      if (!answer.done) answer.error('The answer was cut off.');
    } else answer.set((await res.json().catch(() => ({}))).text || '');
  } catch (e) {
    if (e.name === 'AbortError') { if (answer) answer.error('Stopped.'); }
    else if (answer) {
      answer.error([e.message, ...(e.errors || []).map((x) => x.message)].join('\n'));
      if (!input.value) input.value = text; // keep what was typed so it can be sent again
    } else toast('Could not start a conversation', e.message, 'error');
  } finally {
    if (answer) answer.finish();
    turn = null;
    setBusy(false);
    if (signedIn) { loadPending(); loadConvs(); }
  }
}
function onTurnEvent(answer, name, d) {
  if (name === 'token') answer.add(d.text || '');
  else if (name === 'progress') answer.progress(d.text || '');
  else if (name === 'action') { answer.card(d); pendingActions = pendingActions.concat(d); renderPending(pendingActions); }
  else if (name === 'error') answer.error(d.message || 'Something went wrong.');
  else if (name === 'done') { answer.done = true; if (d.text) answer.set(d.text); }
  // 'turn' (the person's message was stored) needs nothing on screen.
}
function setBusy(busy) {
  $('send').textContent = busy ? 'Stop' : 'Send';
  $('send').classList.toggle('primary', !busy);
}
function autosize() {
  const t = $('input');
  t.style.height = 'auto';
  t.style.height = Math.min(t.scrollHeight + 2, 192) + 'px';
}

/* ---------- pending actions ---------- */
let pendingActions = [];
const cards = new Map(); // action id -> [{ node, update, busy }]: one action may show in the chat and in the panel
async function loadPending() {
  try {
    pendingActions = (await api('/api/chat/actions?status=pending')).actions || [];
    renderPending(pendingActions);
  } catch (e) { /* the panel stays as it was */ }
}
/** The panel lists the pending actions not already shown in the open conversation. */
function renderPending(list) {
  const shown = (id) => (cards.get(id) || []).some((c) => $('msgs').contains(c.node));
  const rest = list.filter((a) => a.status === 'pending' && !shown(a.id));
  $('pendingList').replaceChildren(...rest.map(actionCard));
  $('pendingTitle').textContent = `Waiting for your confirmation (${rest.length})`;
  $('pending').hidden = !rest.length;
}
function showValue(v) {
  if (Array.isArray(v)) return v.map(showValue).join(', ');
  if (v && typeof v === 'object') {
    const who = v.email || v.address || v.phone || v.number;
    return who ? (v.name ? `${v.name} <${who}>` : String(who)) : JSON.stringify(v);
  }
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v) && !isNaN(new Date(v))) {
    return new Date(v).toLocaleString([], { dateStyle: 'full', timeStyle: 'short' });
  }
  return String(v);
}
function outcomeText(a) {
  const o = a.outcome || {}, why = o.error || o.message;
  switch (a.status) {
    case 'executed': return 'Done.' + (why ? ' ' + why : '');
    case 'failed': return 'Failed' + (why ? ': ' + why : '.');
    case 'rejected': return 'Rejected: nothing was done.';
    case 'expired': return 'Expired: nothing was done.';
    case 'confirmed': return 'Confirmed; not done yet. I will tell you here when it is.';
    default: return a.status === 'pending' ? '' : String(a.status);
  }
}
function actionCard(a) {
  const params = Object.entries(a.params || {}).filter(([, v]) => v != null && v !== '');
  const label = (k) => k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  const yes = el('button', { type: 'button', class: 'primary', onclick: () => decide(a.id, 'confirm') }, 'Confirm');
  const no = el('button', { type: 'button', onclick: () => decide(a.id, 'reject') }, 'Reject');
  const outcome = el('div', { class: 'outcome', role: 'status' });
  const expiry = a.expiresAt && (new Date(a.expiresAt) < new Date() ? 'Expired ' : 'Expires ') + when(a.expiresAt);
  const buttons = el('div', { class: 'row' }, yes, no, expiry ? el('span', { class: 'meta' }, expiry) : null);
  const node = el('div', { class: 'card' }, el('div', { class: 'summary' }, a.summary || a.intent),
    el('div', { class: 'intent' }, a.intent),
    params.length ? el('dl', {}, params.map(([k, v]) => [el('dt', {}, label(k)), el('dd', {}, showValue(v))])) : null,
    buttons, outcome);
  const entry = {
    node,
    busy(b) { yes.disabled = no.disabled = b; },
    update(x, err) {
      if (x) { outcome.className = 'outcome ' + x.status; outcome.textContent = outcomeText(x); buttons.hidden = x.status !== 'pending'; }
      if (!err) return;
      outcome.className = 'outcome failed';
      outcome.textContent = err.message;
      if (err.status === 409 || err.status === 404) buttons.hidden = true; // decided elsewhere, expired or gone
    },
  };
  cards.set(a.id, (cards.get(a.id) || []).filter((c) => c.node.isConnected).concat(entry));
  entry.update(a);
  return node;
}
async function decide(id, verb) {
  const each = (f) => (cards.get(id) || []).forEach(f);
  each((c) => c.busy(true));
  try {
    const a = await api(`/api/chat/actions/${enc(id)}/${verb}`, { method: 'POST' });
    each((c) => c.update(a));
    toast(a.summary || 'Action', outcomeText(a), a.status === 'failed' ? 'error' : '');
  } catch (e) { each((c) => c.update(null, e)); } finally {
    each((c) => c.busy(false));
    setTimeout(loadPending, 4000); // leave the outcome on screen for a moment
  }
}

/* ---------- live notifications over /ws ---------- */
let ws = null, wsAttempt = 0, wsTimer = 0, wsNeedsToken = false;
function connectWs() {
  clearTimeout(wsTimer);
  if (!signedIn || !access) return;
  let sock, ready = false;
  try { // the token goes in a subprotocol, never in the URL
    sock = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
      ['andy.v1', 'bearer.' + access]);
  } catch (e) { retryWs(); return; }
  ws = sock;
  sock.onmessage = (ev) => {
    let f;
    try { f = JSON.parse(ev.data); } catch (e) { return; }
    if (f.type === 'ready') { ready = true; wsAttempt = 0; setLive(true); }
    // chat.* frames mirror the SSE stream for the person's other devices: this page already has them.
    else if (f.type === 'notify' && !String(f.kind || '').startsWith('chat.')) toast(f.title || 'Andy', f.text || '');
  };
  sock.onclose = (ev) => {
    if (ws !== sock) return;
    ws = null;
    setLive(false);
    if (ev.code === 1008 && !ready) wsNeedsToken = true; // refused: perhaps a stale token
    retryWs();
  };
}
function retryWs() {
  if (!signedIn) return;
  const delay = Math.min(30000, 1000 * 2 ** Math.min(wsAttempt++, 5)) * (0.75 + Math.random() / 2);
  wsTimer = setTimeout(async () => {
    if (!signedIn) return;
    try {
      if (wsNeedsToken || accessUntil - Date.now() < 30000) { await refresh(); wsNeedsToken = false; }
      connectWs();
    } catch (e) { retryWs(); }
  }, delay);
}
/** A fresh token keeps an open connection alive past the old token's expiry. */
function wsReauth() {
  if (ws && ws.readyState === WebSocket.OPEN && access) ws.send(JSON.stringify({ type: 'auth', token: access }));
}
function stopWs() {
  clearTimeout(wsTimer);
  const sock = ws;
  ws = null;
  if (sock) sock.close(1000);
  setLive(false);
}
function setLive(on) {
  $('live').firstElementChild.className = 'dot' + (on ? ' on' : '');
  $('live').title = 'Live notifications: ' + (on ? 'connected' : 'not connected');
}

/* ---------- wiring ---------- */
$('newChat').addEventListener('click', () => { document.body.classList.remove('nav-open'); showEmpty(); $('input').focus(); });
$('moreConvs').addEventListener('click', () => loadConvs(true));
$('earlier').addEventListener('click', loadEarlier);
$('menu').addEventListener('click', () => document.body.classList.toggle('nav-open'));
document.querySelector('main').addEventListener('click', () => document.body.classList.remove('nav-open'));
$('composer').addEventListener('submit', (ev) => { ev.preventDefault(); if (turn) turn.abort(); else sendMessage(); });
$('input').addEventListener('input', autosize);
$('input').addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); sendMessage(); }
});
(async function boot() {
  try { field('timezone').value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; }
  catch (e) { field('timezone').value = 'UTC'; }
  setMode('login');
  setLive(false);
  if (!sessionStorage.getItem(RT_KEY)) return setSignedIn(false);
  try { // a reload: the access token was in memory only, the refresh token survives in this tab
    await refresh();
    await enter();
  } catch (e) { setSignedIn(false, e.status === 0 ? e.message : ''); }
})();
