// The client list: every registration (GET /api/v1/clients), kept live by the event stream — registrations,
// updates, de-registrations, expiries, and queue-mode clients falling asleep and waking up (Core TS §6.2, §6.5).

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { get } from './api.js';
import { EventStream } from './events.js';
import { ago, when } from './lwm2m.js';

const PAGE = 1000;
const SECURITY = { NO_SEC: 'NoSec', PSK: 'PSK', RPK: 'RPK', X509: 'X.509' };

/** How the client secured its connection, as the Security object's mode is usually written. */
function securityLabel(mode) {
  return SECURITY[mode] || mode || '';
}

class WispClients extends Light {
  static properties = {
    clients: { state: true },
    total: { state: true },
    filter: { state: true },
    live: { state: true },
    error: { state: true },
    loaded: { state: true },
  };

  constructor() {
    super();
    this.clients = new Map();
    this.lastSeen = new Map();
    this.total = 0;
    this.filter = '';
    this.live = false;
    this.error = null;
    this.loaded = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stream = new EventStream([], (up) => {
      this.live = up;
      if (up) {
        this.stream.holdDuring(() => this.load());
      }
    });
    this.stream
      .on('registration', (e) => this.put(e.registration, e.time))
      .on('update', (e) => this.put(e.registration, e.time))
      .on('deregistration', (e) => this.forget(e.endpoint))
      .on('expiry', (e) => this.forget(e.endpoint))
      .on('awake', (e) => this.presence(e.endpoint, 'AWAKE', e.time))
      .on('sleeping', (e) => this.presence(e.endpoint, 'SLEEPING', e.time))
      .on('*', (e) => this.seen(e.endpoint, e.time))
      .start();
    this.ticker = setInterval(() => this.requestUpdate(), 10_000);
  }

  disconnectedCallback() {
    this.stream.stop();
    clearInterval(this.ticker);
    super.disconnectedCallback();
  }

  /** Loads the list; called whenever the stream (re)connects, so nothing missed while it was down is kept wrong. */
  async load() {
    try {
      const next = new Map();
      let offset = 0;
      let total = 0;
      do {
        const page = await get('/api/v1/clients', { offset, limit: PAGE });
        page.items.forEach((r) => next.set(r.endpoint, r));
        total = page.total;
        offset += page.items.length;
      } while (offset < total && offset < 10 * PAGE);
      this.clients = next;
      this.total = total;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
    this.loaded = true;
  }

  put(registration, time) {
    const next = new Map(this.clients);
    if (!next.has(registration.endpoint)) {
      this.total += 1;
    }
    next.set(registration.endpoint, registration);
    this.clients = next;
    this.seen(registration.endpoint, time);
  }

  forget(endpoint) {
    if (this.clients.has(endpoint)) {
      const next = new Map(this.clients);
      next.delete(endpoint);
      this.clients = next;
      this.total -= 1;
    }
  }

  presence(endpoint, presence, time) {
    const r = this.clients.get(endpoint);
    if (r) {
      const next = new Map(this.clients);
      next.set(endpoint, { ...r, presence });
      this.clients = next;
    }
    this.seen(endpoint, time);
  }

  seen(endpoint, time) {
    if (endpoint && time) {
      this.lastSeen.set(endpoint, time);
      this.requestUpdate();
    }
  }

  visible() {
    const f = this.filter.trim().toLowerCase();
    return [...this.clients.values()]
      .filter((r) => !f || r.endpoint.toLowerCase().includes(f)
        || securityLabel(r.securityMode).toLowerCase() === f)
      .sort((a, b) => a.endpoint.localeCompare(b.endpoint));
  }

  lastSeenOf(r) {
    const event = this.lastSeen.get(r.endpoint);
    return event && Date.parse(event) > Date.parse(r.lastUpdateAt) ? event : r.lastUpdateAt;
  }

  render() {
    const rows = this.visible();
    return html`
      <hgroup>
        <h1>Clients</h1>
        <p>
          <span class="live ${this.live ? 'on' : 'off'}" role="status">${this.live ? 'Live' : 'Reconnecting…'}</span>
          <span id="client-count">${this.total} registered${this.filter ? `, ${rows.length} shown` : ''}</span>
        </p>
      </hgroup>
      <search class="search">
        <label for="client-search">Search endpoints</label>
        <input id="client-search" type="search" placeholder="Part of an endpoint name" .value=${this.filter}
          @input=${(e) => { this.filter = e.target.value; }}>
      </search>
      ${problemView(this.error)}
      ${this.loaded && rows.length === 0 ? html`<p class="empty">${this.clients.size === 0
        ? 'No client is registered. Clients appear here as soon as they register.'
        : 'No endpoint matches the search.'}</p>` : ''}
      ${rows.length ? html`<div class="overflow-auto">
        <table class="striped clients">
          <thead><tr>
            <th scope="col">Endpoint</th><th scope="col">State</th><th scope="col">LwM2M</th>
            <th scope="col">Binding</th><th scope="col">Security</th><th scope="col">Registered since</th>
            <th scope="col">Last seen</th>
            <th scope="col">Address</th>
          </tr></thead>
          <tbody>${rows.map((r) => this.row(r))}</tbody>
        </table></div>` : ''}`;
  }

  row(r) {
    const seen = this.lastSeenOf(r);
    const asleep = r.presence === 'SLEEPING';
    return html`<tr data-endpoint=${r.endpoint}>
      <th scope="row"><a href="#/clients/${encodeURIComponent(r.endpoint)}">${r.endpoint}</a></th>
      <td data-label="State"><span class="state ${asleep ? 'sleeping' : 'awake'}">${asleep ? 'Sleeping' : 'Awake'}
        </span> ${r.queueMode ? html`<small>queue mode</small>` : ''}</td>
      <td data-label="LwM2M">${r.lwm2mVersion}</td>
      <td data-label="Binding">${r.binding}</td>
      <td data-label="Security">${securityLabel(r.securityMode)}</td>
      <td data-label="Registered since"><time datetime=${r.registeredAt} title=${when(r.registeredAt)}>
        ${ago(r.registeredAt)}</time></td>
      <td data-label="Last seen"><time datetime=${seen} title=${when(seen)}>${ago(seen)}</time></td>
      <td data-label="Address"><small>${r.transport} ${r.address}</small></td>
    </tr>`;
  }
}

customElements.define('wisp-clients', WispClients);
