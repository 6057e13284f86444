// The Bootstrap-Server (Core TS §6.1): its configurations per endpoint (GET/PUT/DELETE /api/v1/bootstrap/configs),
// edited in a form the server checks as the Bootstrap-Server does — a refusal names the field, which is marked — and
// the recent bootstrap sessions with their outcome, live from the `bootstrap-session` events. Keys are write-only:
// the form never shows a stored key, and leaving a key empty keeps the stored one.

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { ApiError, call, get } from './api.js';
import { EventStream } from './events.js';
import { ago, when } from './lwm2m.js';

const MODES = [['NO_SEC', 'NoSec'], ['PSK', 'PSK'], ['RPK', 'RPK'], ['X509', 'X.509']];
const KEY_FIELDS = {
  PSK: [['key', 'Pre-shared key (hex)']],
  RPK: [['publicKey', 'Client public key'], ['privateKey', 'Client private key'],
    ['serverPublicKey', 'Server public key']],
  X509: [['certificate', 'Client certificate'], ['privateKey', 'Client private key'],
    ['serverCertificate', 'Server certificate']],
};
// Certificate Usage /0/x/15 (Core TS 1.1 Appendix E.1, RFC 6698); empty writes none and the client uses 3.
const USAGES = [['', 'Not written (client uses 3)'], ['0', '0 — CA constraint'],
  ['1', '1 — service certificate constraint'], ['2', '2 — trust anchor assertion'],
  ['3', '3 — domain-issued certificate']];
const SESSIONS = 50;
const DEFAULT = '/api/v1/bootstrap/default';

function blankSecurity(ssid) {
  return { serverUri: 'coap://127.0.0.1:5683', bootstrapServer: false, shortServerId: String(ssid), mode: 'NO_SEC',
    identity: '', keys: 'none', clientHoldOffTime: '' };
}

function blankServer(ssid) {
  return { shortServerId: String(ssid), lifetime: '300', binding: 'U', defaultMinPeriod: '', defaultMaxPeriod: '',
    notificationStoring: true };
}

const text = (v) => (v === null || v === undefined ? '' : String(v));
// The server keeps an account's stored keys only while its mode and server URI stay the same.
const keysOf = (s) => `${s.mode} ${s.serverUri}`;

/** A configuration as the API answers it, as the form edits it (numbers as text, keys empty). */
function toDraft(item) {
  return {
    endpoint: item.endpoint || '', discover: item.discover !== false, writeFormat: item.writeFormat || '',
    deletes: (item.deletes || ['/']).join(', '),
    securities: (item.securities || []).map((s) => ({ ...s, shortServerId: text(s.shortServerId),
      clientHoldOffTime: text(s.clientHoldOffTime), identity: s.identity || '',
      certificateUsage: text(s.certificateUsage), storedKeys: s.keys === 'stored' ? keysOf(s) : '' })),
    servers: (item.servers || []).map((s) => ({ ...s, shortServerId: text(s.shortServerId),
      lifetime: text(s.lifetime), defaultMinPeriod: text(s.defaultMinPeriod),
      defaultMaxPeriod: text(s.defaultMaxPeriod) })),
    accessControls: item.accessControls || [], writes: item.writes || [], reads: item.reads || [],
  };
}

/** "servers[0].shortServerId" as people read it: "server 1, short server ID". */
export function bootstrapFieldLabel(field) {
  return (field || '').replace(/securities\[(\d+)\]/g, (_, k) => `security ${Number(k) + 1}`)
    .replace(/servers\[(\d+)\]/g, (_, k) => `server ${Number(k) + 1}`)
    .replace(/accessControls\[(\d+)\]/g, (_, k) => `access control ${Number(k) + 1}`)
    .replace(/\./g, ', ').replace(/([a-z])([A-Z])/g, (_, a, b) => `${a} ${b.toLowerCase()}`) || 'the configuration';
}

class WispBootstrap extends Light {
  static properties = {
    configId: { type: String },
    isDefault: { type: Boolean },
    defaultSet: { state: true },
    configs: { state: true },
    sessions: { state: true },
    draft: { state: true },
    error: { state: true },
    refusal: { state: true },
    saved: { state: true },
    busy: { state: true },
    live: { state: true },
  };

  constructor() {
    super();
    this.configId = '';
    this.isDefault = false;
    this.defaultSet = false;
    this.configs = null;
    this.sessions = [];
    this.draft = null;
    this.error = null;
    this.refusal = null;
    this.saved = '';
    this.busy = false;
    this.live = false;
    this.justSaved = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stream = new EventStream([], (up) => {
      this.live = up;
      if (up) {
        this.stream.holdDuring(() => this.loadSessions());
      }
    });
    this.stream.on('bootstrap-session', (e) => this.sessionEvent(e.session)).start();
    this.load();
  }

  disconnectedCallback() {
    this.stream.stop();
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if ((changed.has('configId') || changed.has('isDefault')) && this.hasUpdated) {
      if (!this.justSaved) {
        this.saved = '';
      }
      this.justSaved = false;
      this.load();
    }
  }

  async load() {
    this.error = null;
    this.refusal = null;
    try {
      this.configs = (await get('/api/v1/bootstrap/configs')).items;
      this.defaultSet = await this.hasDefault();
      if (this.isDefault) {
        this.draft = this.defaultSet ? toDraft(await get(DEFAULT))
          : toDraft({ securities: [blankSecurity(1)], servers: [blankServer(1)] });
      } else if (this.configId === 'new') {
        this.draft = toDraft({ securities: [blankSecurity(1)], servers: [blankServer(1)] });
      } else if (this.configId) {
        this.draft = toDraft(await get(`/api/v1/bootstrap/configs/${encodeURIComponent(this.configId)}`));
      } else {
        this.draft = null;
      }
    } catch (e) {
      this.error = e;
    }
  }

  async hasDefault() {
    try {
      await get(DEFAULT);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        return false;
      }
      throw e;
    }
  }

  async loadSessions() {
    try {
      this.sessions = (await get('/api/v1/bootstrap/sessions', { limit: SESSIONS })).items;
    } catch (e) {
      this.sessions = [];
    }
  }

  sessionEvent(session) {
    this.sessions = [session, ...this.sessions.filter((s) => s.id !== session.id)].slice(0, SESSIONS);
  }

  change(mutate) {
    mutate(this.draft);
    this.draft = { ...this.draft };
    this.saved = '';
  }

  body() {
    const d = this.draft;
    const keep = (o, names) => Object.fromEntries(names.filter((n) => o[n] !== '' && o[n] !== undefined)
      .map((n) => [n, o[n]]));
    return {
      discover: d.discover, writeFormat: d.writeFormat || null,
      deletes: d.deletes.split(',').map((p) => p.trim()).filter(Boolean),
      securities: d.securities.map((s) => ({
        ...keep(s, ['instanceId', 'serverUri', 'shortServerId', 'clientHoldOffTime', 'bootstrapServerAccountTimeout',
          ...(KEY_FIELDS[s.mode] || []).map(([n]) => n)]),
        bootstrapServer: s.bootstrapServer, mode: s.mode, ...(s.mode === 'PSK' ? { identity: s.identity } : {}),
        ...(s.mode === 'X509' && s.certificateUsage ? { certificateUsage: Number(s.certificateUsage) } : {}),
      })),
      servers: d.servers.map((s) => ({
        ...keep(s, ['instanceId', 'shortServerId', 'lifetime', 'defaultMinPeriod', 'defaultMaxPeriod', 'binding',
          'disableTimeout']),
        notificationStoring: s.notificationStoring,
      })),
      accessControls: d.accessControls, writes: d.writes, reads: d.reads,
    };
  }

  async save(event) {
    event.preventDefault();
    if (this.isDefault) {
      await this.saveDefault();
      return;
    }
    const endpoint = this.draft.endpoint.trim();
    if (!endpoint) {
      this.refusal = { field: 'endpoint', detail: 'give the endpoint name of the client this configuration is for' };
      return;
    }
    this.busy = true;
    this.error = null;
    this.refusal = null;
    // The page this save started on: a person who has gone elsewhere meanwhile is neither sent back nor shown it.
    const from = this.configId;
    try {
      const { status, body } = await call('PUT', `/api/v1/bootstrap/configs/${encodeURIComponent(endpoint)}`,
        { body: this.body() });
      if (this.configId !== from) {
        return;
      }
      this.saved = `${status === 201 ? 'Created' : 'Saved'} the configuration of ${endpoint}.`;
      this.draft = toDraft(body);
      this.configs = (await get('/api/v1/bootstrap/configs')).items;
      if (this.configId === from && from !== endpoint) {
        this.justSaved = true;
        history.replaceState(null, '', `#/bootstrap/${encodeURIComponent(endpoint)}`);
        this.configId = endpoint;
      }
    } catch (e) {
      this.refused(e);
    } finally {
      this.busy = false;
    }
  }

  async saveDefault() {
    this.busy = true;
    this.error = null;
    this.refusal = null;
    try {
      const { status, body } = await call('PUT', DEFAULT, { body: this.body() });
      this.saved = `${status === 201 ? 'Set' : 'Saved'} the default configuration.`;
      this.draft = toDraft(body);
      this.defaultSet = true;
    } catch (e) {
      this.refused(e);
    } finally {
      this.busy = false;
    }
  }

  /** Shows a refusal at the field it names (and focuses that field), or any other failure as a problem. */
  refused(e) {
    if (e instanceof ApiError && e.status === 400) {
      this.refusal = e.problem;
      this.updateComplete.then(() => {
        const bad = this.querySelector('[aria-invalid="true"]');
        if (bad) {
          bad.focus();
        }
      });
    } else {
      this.error = e;
    }
  }

  async removeConfig(endpoint) {
    try {
      await call('DELETE', this.isDefault ? DEFAULT : `/api/v1/bootstrap/configs/${encodeURIComponent(endpoint)}`);
      this.saved = this.isDefault ? 'Removed the default configuration.' : `Removed the configuration of ${endpoint}.`;
      location.hash = '#/bootstrap';
      this.configs = (await get('/api/v1/bootstrap/configs')).items;
    } catch (e) {
      this.error = e;
    }
  }

  /** A labelled input bound to `obj[name]`, marked when the server's refusal names `field`. */
  input(id, label, field, obj, name, { type = 'text', hint = '', secret = false, multiline = false } = {}) {
    const bad = this.refusal && this.refusal.field === field;
    const on = (e) => this.change(() => { obj[name] = e.target.value; });
    const described = [hint ? `${id}-hint` : '', bad ? `${id}-error` : ''].filter(Boolean).join(' ');
    const control = multiline
      ? html`<textarea id=${id} rows="3" data-field=${field} spellcheck="false" aria-invalid=${bad ? 'true' : 'false'}
          aria-describedby=${described} .value=${text(obj[name])} @input=${on}></textarea>`
      : html`<input id=${id} type=${secret ? 'password' : type} data-field=${field} autocomplete=${secret
        ? 'new-password' : 'off'} spellcheck="false" aria-invalid=${bad ? 'true' : 'false'}
          aria-describedby=${described} .value=${text(obj[name])} @input=${on}>`;
    return html`<label for=${id}>${label}</label>${control}
      ${hint ? html`<small id="${id}-hint">${hint}</small>` : ''}
      ${bad ? html`<small id="${id}-error" class="field-error">${this.refusal.detail}</small>` : ''}`;
  }

  render() {
    return html`
      <hgroup><h1>Bootstrap</h1><p>What the Bootstrap-Server writes to each client, and how recent bootstraps went.
        <span class="live ${this.live ? 'on' : 'off'}" role="status">${this.live ? 'Live' : 'Reconnecting…'}</span>
        </p>
      </hgroup>
      ${problemView(this.error)}
      ${this.saved ? html`<p class="ok saved" role="status">${this.saved}</p>` : ''}
      ${this.draft ? this.editor() : this.listView()}
      ${this.sessionsView()}`;
  }

  listView() {
    if (this.configs === null) {
      return this.error ? '' : html`<p aria-busy="true">Loading…</p>`;
    }
    return html`<section aria-labelledby="configs-title">
      <h2 id="configs-title">Configurations</h2>
      <p class="buttons"><a href="#/bootstrap/new" role="button" data-op="new-config">New configuration</a>
        <a href="#/bootstrap-default" role="button" class="secondary outline" data-op="default-config">
          ${this.defaultSet ? 'Edit the default configuration' : 'Set a default configuration'}</a></p>
      <p><small data-default=${this.defaultSet ? 'set' : 'none'}>${this.defaultSet
        ? 'Endpoints without their own configuration get the default one.'
        : 'No default: endpoints without their own configuration are refused.'}</small></p>
      ${this.configs.length === 0 ? html`<p class="empty">No configuration yet.</p>`
        : html`<div class="overflow-auto"><table class="striped configs">
        <thead><tr><th scope="col">Endpoint</th><th scope="col">Servers</th><th scope="col">Security</th>
          <th scope="col">Deletes</th></tr></thead>
        <tbody>${this.configs.map((c) => html`<tr data-endpoint=${c.endpoint}>
          <th scope="row"><a href="#/bootstrap/${encodeURIComponent(c.endpoint)}">${c.endpoint}</a></th>
          <td data-label="Servers">${c.servers.map((s) => `#${s.shortServerId} ${s.lifetime} s ${s.binding}`)
            .join('; ')}</td>
          <td data-label="Security">${c.securities.map((s) => `${s.serverUri} (${s.mode}${s.bootstrapServer
            ? ', bootstrap' : ''})`).join('; ')}</td>
          <td data-label="Deletes">${c.deletes.join(', ')}</td></tr>`)}</tbody></table></div>`}
    </section>`;
  }

  editor() {
    const d = this.draft;
    const isNew = this.configId === 'new' || (this.isDefault && !this.defaultSet);
    const general = this.refusal;
    return html`<nav aria-label="Breadcrumb"><ul><li><a href="#/bootstrap">Bootstrap</a></li>
        <li>${this.isDefault ? 'Default configuration' : isNew ? 'New configuration' : d.endpoint}</li></ul></nav>
      ${general ? html`<div class="problem" role="alert" data-refusal=${general.field || ''}>
        <strong>Not saved: ${bootstrapFieldLabel(general.field)}</strong>
        <br><small>${general.detail}${general.field ? ` (${general.field})` : ''}</small></div>` : ''}
      <form class="bootstrap-editor" @submit=${this.save}>
        <fieldset><legend>Client</legend>
          <div class="grid">
            <div>${this.isDefault ? html`<p><strong>Endpoints</strong><br>every endpoint without its own
              configuration</p>` : isNew ? this.input('bs-endpoint', 'Endpoint', 'endpoint', d, 'endpoint')
              : html`<p><strong>Endpoint</strong><br><code>${d.endpoint}</code></p>`}</div>
            <div>${this.input('bs-deletes', 'Delete first (paths, comma-separated)', 'deletes', d, 'deletes',
              { hint: '/ deletes everything but the Bootstrap-Server account' })}</div>
          </div>
          <label><input type="checkbox" role="switch" .checked=${d.discover}
            @change=${(e) => this.change(() => { d.discover = e.target.checked; })}>
            Start with a Bootstrap-Discover</label>
        </fieldset>
        ${d.securities.map((s, k) => this.securityView(s, k))}
        <button type="button" class="secondary outline" data-op="add-security" @click=${() => this.change(() => {
          d.securities = [...d.securities, blankSecurity(d.securities.length + 1)];
        })}>Add a Security instance</button>
        ${d.servers.map((s, k) => this.serverView(s, k))}
        <button type="button" class="secondary outline" data-op="add-server" @click=${() => this.change(() => {
          d.servers = [...d.servers, blankServer(d.servers.length + 1)];
        })}>Add a Server instance</button>
        ${d.accessControls.length || d.writes.length || d.reads.length ? html`<p><small>Also kept as they are:
          ${d.accessControls.length} access control instance(s), ${d.writes.length} other write(s),
          ${d.reads.length} read(s).</small></p>` : ''}
        <div class="buttons">
          <button type="submit" data-op="save-config" aria-busy=${this.busy ? 'true' : 'false'}>Save</button>
          ${isNew ? '' : html`<button type="button" class="contrast outline" data-op="delete-config"
            @click=${() => this.removeConfig(d.endpoint)}>Delete this configuration</button>`}
          <a href="#/bootstrap">Back to the list</a>
        </div>
      </form>`;
  }

  securityView(s, k) {
    const at = `securities[${k}]`;
    const id = `bs-sec-${k}`;
    return html`<fieldset class="bs-security" data-security=${k}><legend>Security instance ${k + 1}
      (/0)</legend>
      ${this.input(`${id}-uri`, 'Server URI', `${at}.serverUri`, s, 'serverUri',
        { hint: 'coap:// for NoSec, coaps:// with credentials' })}
      <div class="grid">
        <div>${this.input(`${id}-ssid`, 'Short server ID', `${at}.shortServerId`, s, 'shortServerId',
          { hint: '1–65534; ties it to its Server instance' })}</div>
        <div><label for="${id}-mode">Security mode</label>
          <select id="${id}-mode" data-field="${at}.mode"
            @change=${(e) => this.change(() => { s.mode = e.target.value; })}>
            ${MODES.map(([v, label]) => html`<option value=${v} ?selected=${v === s.mode}>${label}</option>`)}
          </select></div>
        <div>${this.input(`${id}-holdoff`, 'Client hold-off time (s)', `${at}.clientHoldOffTime`, s,
          'clientHoldOffTime')}</div>
      </div>
      <label><input type="checkbox" .checked=${!!s.bootstrapServer}
        @change=${(e) => this.change(() => { s.bootstrapServer = e.target.checked; })}> Bootstrap-Server account</label>
      ${s.mode === 'PSK' ? this.input(`${id}-identity`, 'PSK identity', `${at}.identity`, s, 'identity') : ''}
      ${s.mode === 'X509' ? this.usageSelect(`${id}-usage`, `${at}.certificateUsage`, s) : ''}
      ${(KEY_FIELDS[s.mode] || []).map(([name, label]) => this.input(`${id}-${name}`, label, `${at}.${name}`, s, name,
        { secret: true, multiline: name !== 'key', hint: s.storedKeys === keysOf(s)
          ? 'A key is stored; leave empty to keep it.' : (name === 'key' ? 'Hex.' : 'DER as PEM, base64 or hex.') }))}
      <button type="button" class="contrast outline small" @click=${() => this.change(() => {
        this.draft.securities = this.draft.securities.filter((_, i) => i !== k);
      })}>Remove Security instance ${k + 1}</button>
    </fieldset>`;
  }

  /** The X.509 account's Certificate Usage, marked when the server's refusal names `field`. */
  usageSelect(id, field, s) {
    const bad = this.refusal && this.refusal.field === field;
    return html`<label for=${id}>Certificate usage</label>
      <select id=${id} data-field=${field} aria-invalid=${bad ? 'true' : 'false'}
        aria-describedby=${bad ? `${id}-error` : ''}
        @change=${(e) => this.change(() => { s.certificateUsage = e.target.value; })}>
        ${USAGES.map(([v, label]) => html`<option value=${v}
          ?selected=${v === text(s.certificateUsage)}>${label}</option>`)}
      </select>
      ${bad ? html`<small id="${id}-error" class="field-error">${this.refusal.detail}</small>` : ''}`;
  }

  serverView(s, k) {
    const at = `servers[${k}]`;
    const id = `bs-srv-${k}`;
    return html`<fieldset class="bs-server" data-server=${k}><legend>Server instance ${k + 1} (/1)</legend>
      <div class="grid">
        <div>${this.input(`${id}-ssid`, 'Short server ID', `${at}.shortServerId`, s, 'shortServerId')}</div>
        <div>${this.input(`${id}-lifetime`, 'Lifetime (s)', `${at}.lifetime`, s, 'lifetime')}</div>
        <div>${this.input(`${id}-binding`, 'Binding', `${at}.binding`, s, 'binding', { hint: 'U, T, S, N…' })}</div>
      </div>
      <div class="grid">
        <div>${this.input(`${id}-pmin`, 'Default pmin (s)', `${at}.defaultMinPeriod`, s, 'defaultMinPeriod')}</div>
        <div>${this.input(`${id}-pmax`, 'Default pmax (s)', `${at}.defaultMaxPeriod`, s, 'defaultMaxPeriod')}</div>
        <div><label><input type="checkbox" .checked=${s.notificationStoring !== false}
          @change=${(e) => this.change(() => { s.notificationStoring = e.target.checked; })}>
          Store notifications while offline</label></div>
      </div>
      <button type="button" class="contrast outline small" @click=${() => this.change(() => {
        this.draft.servers = this.draft.servers.filter((_, i) => i !== k);
      })}>Remove Server instance ${k + 1}</button>
    </fieldset>`;
  }

  sessionsView() {
    return html`<section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Recent sessions</h2>
      ${this.sessions.length === 0 ? html`<p class="empty"><small>No bootstrap yet. Sessions appear here as
        clients bootstrap.</small></p>` : html`<div class="overflow-auto"><table class="striped sessions">
        <thead><tr><th scope="col">Endpoint</th><th scope="col">Outcome</th><th scope="col">Started</th>
          <th scope="col">Kind</th><th scope="col">Steps</th><th scope="col">Why</th></tr></thead>
        <tbody aria-live="polite">${this.sessions.map((s) => html`<tr data-session=${s.id}
          data-endpoint=${s.endpoint} data-outcome=${s.outcome}>
          <th scope="row">${s.endpoint || '(no name)'}</th>
          <td data-label="Outcome"><span class="outcome-${s.outcome.toLowerCase()}">${s.outcome.toLowerCase()}</span>
          </td>
          <td data-label="Started"><time datetime=${s.startedAt} title=${when(s.startedAt)}>${ago(s.startedAt)}
            </time></td>
          <td data-label="Kind">${s.kind.toLowerCase().replace(/_/g, ' ')}</td>
          <td data-label="Steps">${s.steps}</td>
          <td data-label="Why">${s.failure || ''}${s.lwm2mCode ? html` <code>LwM2M ${s.lwm2mCode}</code>` : ''}</td>
        </tr>`)}</tbody></table></div>`}
    </section>`;
  }
}

customElements.define('wisp-bootstrap', WispBootstrap);
