// The dashboard: plain JavaScript against the HTTP API, no build step. The token (when the server needs one) is
// asked once and kept in this tab's sessionStorage; the ids this browser submitted are kept in localStorage so the
// page still lists them on a server without GET /api/v1/syncs.
'use strict';

const TOKEN_KEY = 'music-sync.token';
const RECENT_KEY = 'music-sync.recent';
const THEME_KEY = 'music-sync.theme';
const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);

const details = new Map(); // sync id -> last status body
const songs = new Map(); // sync id -> "title — artist", from the list or from this browser's submissions
let listEndpoint = true;
let pollTimer = null;

function token() { return sessionStorage.getItem(TOKEN_KEY); }

async function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  const t = token();
  if (t) headers.Authorization = 'Bearer ' + t;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (response.status === 401) askToken('The token was not accepted.');
  return { status: response.status, body, headers: response.headers };
}

function askToken(problem) {
  $('token-panel').hidden = false;
  $('token-error').hidden = !problem || !token();
  $('token-error').textContent = problem || '';
  $('token').focus();
}

function recent() {
  try { return JSON.parse(localStorage.getItem(RECENT_KEY)) || []; } catch (e) { return []; }
}

function remember(id, song) {
  const entries = [{ id, song }].concat(recent().filter((x) => x.id !== id)).slice(0, 50);
  localStorage.setItem(RECENT_KEY, JSON.stringify(entries));
}

async function checkHealth() {
  const { status, body } = await api('/api/v1/health');
  const pill = $('health');
  pill.textContent = body ? body.status + ' · ' + body.mode : 'unreachable';
  pill.className = 'pill state ' + (status === 200 ? 'completed' : 'failed');
  // Without the token (when one is needed) health shows only its first fields: ask for it.
  if (body && !('engine' in body)) askToken();
  $('forget').hidden = !token();
}

async function submitSong(event) {
  event.preventDefault();
  const song = {};
  for (const field of ['track_name', 'artist', 'album', 'playlist_id']) {
    const value = $(field).value.trim();
    if (value) song[field] = value;
  }
  $('submit').disabled = true;
  try {
    const { status, body } = await api('/api/v1/sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(song),
    });
    if (status === 202) {
      remember(body.workflow_id, song.track_name + ' — ' + song.artist);
      $('submit-message').textContent = body.message;
      $('submit-form').reset();
      await refresh();
    } else {
      const fields = body && body.detail ? ': ' + body.detail.map((d) => d.field + ' ' + d.message).join('; ') : '';
      $('submit-message').textContent = (body ? body.message : 'HTTP ' + status) + fields;
    }
  } finally {
    $('submit').disabled = false;
  }
}

/** The ids to show: the server's list when it has one, plus what this browser submitted. */
async function syncIds() {
  let ids = [];
  if (listEndpoint) {
    const { status, body } = await api('/api/v1/syncs?limit=20');
    if (status === 200 && body && Array.isArray(body.syncs)) {
      ids = body.syncs.map((s) => s.workflow_id);
      body.syncs.forEach((s) => { if (s.track_name) songs.set(s.workflow_id, s.track_name + ' — ' + s.artist); });
    } else if (status === 404) {
      listEndpoint = false;
    }
  }
  for (const entry of recent()) {
    if (entry.song && !songs.has(entry.id)) songs.set(entry.id, entry.song);
    if (!ids.includes(entry.id)) ids.push(entry.id);
  }
  return ids.slice(0, 30);
}

async function refresh() {
  if (!$('token-panel').hidden && !token()) return;
  const ids = await syncIds();
  for (const id of ids) {
    const known = details.get(id);
    if (!known || known.status === 'running' || known.status === 'needs_review') {
      const { status, body } = await api('/api/v1/sync/' + encodeURIComponent(id));
      if (status === 200) details.set(id, body);
    }
  }
  render(ids.filter((id) => details.has(id)));
  await refreshReviews();
}

/** The review queue: each waiting sync with its candidates, one click to choose. */
async function refreshReviews() {
  const { status, body } = await api('/api/v1/reviews?limit=20');
  const reviews = status === 200 && body && Array.isArray(body.reviews) ? body.reviews : [];
  $('reviews-panel').hidden = reviews.length === 0;
  const list = $('reviews');
  const shown = new Set(reviews.map((r) => 'review-' + r.workflow_id));
  [...list.children].forEach((item) => { if (!shown.has(item.id)) item.remove(); });
  for (const review of reviews) {
    if (!document.getElementById('review-' + review.workflow_id)) list.appendChild(reviewItem(review));
  }
}

function reviewItem(review) {
  const item = $('review-template').content.firstElementChild.cloneNode(true);
  item.id = 'review-' + review.workflow_id;
  item.dataset.id = review.workflow_id;
  item.querySelector('.song').textContent = review.song.track_name + ' — ' + review.song.artist;
  item.querySelector('.expires').textContent = 'until ' + new Date(review.expires_at).toLocaleDateString();
  item.querySelector('.outcome').textContent = review.message;
  const choices = review.candidates.map((c) => {
    const row = document.createElement('li');
    const choose = element('button', 'Add');
    choose.type = 'button';
    choose.className = 'choose';
    choose.dataset.uri = c.uri;
    choose.addEventListener('click', () => answer(item, { track_uri: c.uri }));
    row.append(element('span', c.name + ' — ' + c.artists.join(', ') + (c.album ? ' · ' + c.album : '')
      + ' (' + c.score.toFixed(2) + ')'), choose);
    return row;
  });
  item.querySelector('.choices').replaceChildren(...choices);
  item.querySelector('.none').addEventListener('click', () => answer(item, { not_on_spotify: true }));
  return item;
}

async function answer(item, choice) {
  item.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  const { status, body } = await api('/api/v1/reviews/' + encodeURIComponent(item.dataset.id), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(choice),
  });
  if (status === 202 || status === 409) {
    item.remove();
    $('reviews-panel').hidden = $('reviews').children.length === 0;
    await refresh();
    return;
  }
  item.querySelectorAll('button').forEach((b) => { b.disabled = false; });
  const problem = item.querySelector('.review-error');
  problem.textContent = body ? body.message : 'HTTP ' + status;
  problem.hidden = false;
}

function render(ids) {
  const list = $('syncs');
  $('empty').hidden = ids.length > 0;
  for (const id of ids) {
    let item = document.getElementById('sync-' + id);
    if (!item) {
      item = $('sync-template').content.firstElementChild.cloneNode(true);
      item.id = 'sync-' + id;
      item.dataset.id = id;
      item.querySelector('.history').addEventListener('toggle', () => loadHistory(item));
      list.appendChild(item);
    }
    fill(item, details.get(id));
  }
  // Newest first, as the ids came.
  ids.forEach((id) => list.appendChild(document.getElementById('sync-' + id)));
}

function fill(item, s) {
  const p = s.progress || {};
  const r = s.result;
  item.dataset.status = s.status;
  item.querySelector('.song').textContent = songOf(s);
  const state = item.querySelector('.state');
  state.textContent = s.status;
  state.className = 'state pill ' + s.status;
  const bar = item.querySelector('progress');
  bar.max = p.steps_total || 4;
  bar.value = p.steps_completed || 0;
  item.querySelector('.step').textContent = s.status === 'needs_review'
    ? 'waiting for your choice (above)'
    : s.status === 'running'
    ? (p.current_step || 'queued') + ' · ' + (p.candidates_found || 0) + ' candidates · ' + (p.elapsed_seconds || 0).toFixed(1) + ' s'
    : 'took ' + (p.elapsed_seconds || 0).toFixed(1) + ' s';
  item.querySelector('.outcome').textContent = r ? r.message : (s.error || '');
  const track = item.querySelector('.track');
  if (r && r.spotify_track_uri) {
    track.textContent = trackName(r) + (r.already_in_playlist ? ' (already in the playlist)' : '')
      + ' · ' + r.match_method + (r.confidence_score != null ? ' ' + r.confidence_score.toFixed(2) : '');
    track.href = 'https://open.spotify.com/track/' + encodeURIComponent(r.spotify_track_id || '');
    track.hidden = false;
  } else {
    track.hidden = true;
  }
  fillDecision(item, r);
  if (item.querySelector('.history').open && s.status !== 'running') loadHistory(item);
}

function songOf(s) {
  return songs.get(s.workflow_id) || s.workflow_id;
}

function trackName(r) {
  const candidates = (r.decision && r.decision.candidates) || [];
  const chosen = candidates.find((c) => c.uri === r.spotify_track_uri);
  return chosen ? chosen.name + ' — ' + chosen.artists.join(', ') : r.spotify_track_uri;
}

function fillDecision(item, r) {
  const decision = r && r.decision;
  item.querySelector('.decision').hidden = !decision;
  if (!decision) return;
  const reasons = item.querySelector('.reasons');
  reasons.replaceChildren(...decision.reasons.map((text) => element('li', text)));
  if (r.ai) reasons.appendChild(element('li', 'AI (' + r.ai.provider + '): ' + r.ai.reasoning));
  const rows = decision.candidates.map((c) => {
    const row = document.createElement('tr');
    row.append(element('td', c.name + ' — ' + c.artists.join(', ') + (c.album ? ' · ' + c.album : '')),
      element('td', c.score.toFixed(2)));
    return row;
  });
  item.querySelector('.candidates tbody').replaceChildren(...rows);
}

async function loadHistory(item) {
  const panel = item.querySelector('.history');
  if (!panel.open) return;
  const id = item.dataset.id;
  const events = panel.querySelector('.events');
  const { status, body } = await api('/api/v1/sync/' + encodeURIComponent(id) + '/history');
  if (status === 200 && body && Array.isArray(body.events)) {
    events.replaceChildren(...body.events.map((e) => element('li',
      time(e.at) + ' ' + e.type + (e.step ? ' · ' + e.step : '') + (e.message ? ' — ' + e.message : '')
        + (e.error ? ' — ' + e.error : ''))));
    return;
  }
  // A server without the history endpoint: what the status tells.
  const s = details.get(id);
  const lines = [time(s.started_at) + ' started'];
  if (s.completed_at) lines.push(time(s.completed_at) + ' ' + s.status + (s.error ? ' — ' + s.error : ''));
  events.replaceChildren(...lines.map((text) => element('li', text)));
}

function time(iso) { return iso ? new Date(iso).toLocaleTimeString() : ''; }

function element(tag, text) {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

function cycleTheme() {
  const next = { auto: 'light', light: 'dark', dark: 'auto' }[localStorage.getItem(THEME_KEY) || 'auto'];
  localStorage.setItem(THEME_KEY, next);
  applyTheme(next);
}

function poll() {
  clearTimeout(pollTimer);
  refresh().catch(() => {}).finally(() => { pollTimer = setTimeout(poll, POLL_MS); });
}

document.addEventListener('DOMContentLoaded', () => {
  applyTheme(localStorage.getItem(THEME_KEY));
  $('theme').addEventListener('click', cycleTheme);
  $('submit-form').addEventListener('submit', submitSong);
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    $('token-panel').hidden = true;
    checkHealth().then(poll);
  });
  $('forget').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); location.reload(); });
  checkHealth().then(poll);
});
