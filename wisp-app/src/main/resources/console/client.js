// One client: its registration, its object tree (the objects and instances it registered, the resources their
// models define, Core TS §6.1 and §7), live values from reads, notifications and Send, the operations panel for the
// chosen node, its active observations, the requests queued while it sleeps (§6.5) and the results as they come.

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { call, clientPath, get } from './api.js';
import { EventStream } from './events.js';
import { ago, codeName, flatten, formatValue, isNumeric, when } from './lwm2m.js';
import './node-panel.js';
import './composite.js';

const LOG_SIZE = 30;
const HISTORY_SIZE = 500;

class WispClient extends Light {
  static properties = {
    endpoint: { type: String },
    registration: { state: true },
    gone: { state: true },
    error: { state: true },
    selected: { state: true },
    live: { state: true },
    observations: { state: true },
    queue: { state: true },
    log: { state: true },
    composite: { state: true },
  };

  constructor() {
    super();
    this.endpoint = '';
    this.registration = null;
    this.gone = '';
    this.error = null;
    this.selected = '';
    this.live = false;
    this.observations = [];
    this.queue = [];
    this.log = [];
    this.composite = [];
    this.models = new Map();
    this.values = new Map();
    this.history = new Map();
    this.historyLoaded = new Set();
    this.host = {
      apply: (path, node, source, time) => this.apply(path, node, source, time),
      value: (path) => this.values.get(path),
      refreshObservations: () => this.loadObservations(),
      refreshQueue: () => this.loadQueue(),
    };
  }

  connectedCallback() {
    super.connectedCallback();
    this.stream = new EventStream([this.endpoint], (up) => {
      this.live = up;
      if (up) {
        this.stream.holdDuring(() => this.load());
      }
    });
    this.stream
      .on('registration', (e) => { this.gone = ''; this.registration = e.registration; this.loadModels(); })
      .on('update', (e) => { this.registration = e.registration; this.loadModels(); })
      .on('deregistration', () => { this.gone = 'The client de-registered.'; })
      .on('expiry', () => { this.gone = 'The registration expired: the client stopped updating it.'; })
      .on('awake', () => this.presence('AWAKE'))
      .on('sleeping', () => this.presence('SLEEPING'))
      .on('notification', (e) => this.notified(e))
      .on('send', (e) => this.sent(e))
      .on('request-result', (e) => this.resulted(e))
      .start();
    this.ticker = setInterval(() => this.requestUpdate(), 10_000);
  }

  disconnectedCallback() {
    this.stream.stop();
    clearInterval(this.ticker);
    super.disconnectedCallback();
  }

  async load() {
    try {
      this.registration = await get(clientPath(this.endpoint));
      this.gone = '';
      this.error = null;
    } catch (e) {
      if (e.status === 404) {
        this.gone = 'No client is registered under this name.';
      } else {
        this.error = e;
      }
      return;
    }
    await Promise.all([this.loadModels(), this.loadObservations(), this.loadQueue()]);
  }

  /** The model of every object the client registered, in the version it announced (ver=). */
  async loadModels() {
    const wanted = (this.registration.objects || []).filter((o) => !this.models.has(`${o.id}@${o.version}`));
    await Promise.all(wanted.map(async (o) => {
      try {
        this.models.set(`${o.id}@${o.version}`, await get(`/api/v1/models/${o.id}`, { version: o.version }));
      } catch (e) {
        this.models.set(`${o.id}@${o.version}`, null);
      }
    }));
    this.requestUpdate();
  }

  async loadObservations() {
    try {
      this.observations = (await get(clientPath(this.endpoint, '', '/observations'))).items;
    } catch (e) {
      this.observations = [];
    }
  }

  async loadQueue() {
    if (!this.registration || !this.registration.queueMode) {
      this.queue = [];
      return;
    }
    try {
      this.queue = (await get(clientPath(this.endpoint, '', '/queue'))).items;
    } catch (e) {
      this.queue = [];
    }
  }

  presence(presence) {
    if (this.registration) {
      this.registration = { ...this.registration, presence };
    }
    this.loadQueue();
  }

  /** Takes in the values of a node at `path`; numeric ones also go to the plot's history. */
  apply(path, node, source, time) {
    const at = time ? Date.parse(time) : Date.now();
    for (const [p, entry] of flatten(path, node)) {
      this.values.set(p, entry);
      if (source !== 'read' && isNumeric(entry.type) && entry.value !== undefined) {
        const points = this.history.get(p) || [];
        this.history.set(p, [...points, { x: at, y: Number(entry.value) }].slice(-HISTORY_SIZE));
      }
    }
    this.requestUpdate();
  }

  notified(e) {
    const time = e.receivedAt && e.receivedAt.iso ? e.receivedAt.iso : e.time;
    for (const [path, node] of Object.entries(e.content || {})) {
      this.apply(path, node, 'notification', time);
    }
  }

  sent(e) {
    for (const group of e.data || []) {
      const time = group.time && group.time.iso ? group.time.iso : e.time;
      for (const [path, node] of Object.entries(group.nodes || {})) {
        this.apply(path, node, 'send', time);
      }
    }
  }

  resulted(e) {
    const outcome = e.problem ? (e.problem.lwm2mCode ? codeName(e.problem.lwm2mCode) : e.problem.title)
      : codeName(e.code);
    const entry = { time: e.time, text: `${e.operation || 'request'} ${e.path || ''}`.trim(), outcome,
      failed: !!e.problem, queued: e.queued };
    this.log = [entry, ...this.log].slice(0, LOG_SIZE);
    if (e.queued && e.content && e.content.kind && e.path) {
      this.apply(e.path, e.content, 'read');
    }
    this.loadQueue();
  }

  /** Chooses a node; a numeric resource's stored history is fetched once for its plot. */
  async select(path) {
    this.selected = path;
    if (matchMedia('(max-width: 1023px)').matches) {
      this.updateComplete.then(() => this.querySelector('wisp-node-panel').scrollIntoView({ block: 'start' }));
    }
    const resource = this.resourceModel(path);
    if (resource && isNumeric(resource.type) && !resource.multiple && !this.historyLoaded.has(path)) {
      this.historyLoaded.add(path);
      try {
        const stored = await get(clientPath(this.endpoint, '', `/history${path}`), { limit: HISTORY_SIZE });
        const points = stored.items.filter((s) => s.path === path)
          .map((s) => ({ x: Date.parse(s.time.iso), y: Number(s.value) }));
        const live = (this.history.get(path) || []).filter((p) => !points.length || p.x > points[points.length - 1].x);
        this.history.set(path, [...points, ...live].slice(-HISTORY_SIZE));
        this.requestUpdate();
      } catch (e) {
        // no stored history: the plot starts with what arrives from now on
      }
    }
  }

  modelOf(objectId) {
    const o = (this.registration.objects || []).find((x) => x.id === objectId);
    return o ? this.models.get(`${o.id}@${o.version}`) || null : null;
  }

  resourceModel(path) {
    const [, o, , r] = path.split('/');
    if (r === undefined) {
      return null;
    }
    const model = this.modelOf(Number(o));
    return model ? model.resources.find((x) => x.id === Number(r)) || null : null;
  }

  async cancelQueued(id) {
    try {
      await call('DELETE', clientPath(this.endpoint, '', `/queue/${id}`));
    } catch (e) {
      this.error = e;
    }
    this.loadQueue();
  }

  async cancelObservation(id) {
    try {
      await call('DELETE', clientPath(this.endpoint, '', `/observations/${id}`));
    } catch (e) {
      this.error = e;
    }
    this.loadObservations();
  }

  render() {
    const r = this.registration;
    if (!r) {
      return html`<h1>${this.endpoint}</h1>${this.gone ? html`<p class="problem" role="alert">${this.gone}</p>`
        : html`<p aria-busy="true">Loading…</p>`}${problemView(this.error)}
        <p><a href="#/clients">Back to the clients</a></p>`;
    }
    const asleep = r.presence === 'SLEEPING';
    return html`
      <nav aria-label="Breadcrumb"><ul><li><a href="#/clients">Clients</a></li><li>${r.endpoint}</li></ul></nav>
      <hgroup>
        <h1>${r.endpoint}</h1>
        <p><span class="state ${asleep ? 'sleeping' : 'awake'}">${asleep ? 'Sleeping' : 'Awake'}</span>
          <span class="live ${this.live ? 'on' : 'off'}" role="status">${this.live ? 'Live' : 'Reconnecting…'}</span>
        </p>
      </hgroup>
      ${this.gone ? html`<p class="problem" role="alert">${this.gone}</p>` : ''}
      ${problemView(this.error)}
      <dl class="facts">
        <div><dt>LwM2M</dt><dd>${r.lwm2mVersion}</dd></div>
        <div><dt>Binding</dt><dd>${r.binding}${r.queueMode ? ' (queue mode)' : ''}</dd></div>
        <div><dt>Registered since</dt><dd title=${when(r.registeredAt)}>${ago(r.registeredAt)}</dd></div>
        <div><dt>Last update</dt><dd title=${when(r.lastUpdateAt)}>${ago(r.lastUpdateAt)}</dd></div>
        <div><dt>Lifetime</dt><dd>${r.lifetime} s</dd></div>
        <div><dt>Address</dt><dd>${r.transport} ${r.address}</dd></div>
        <div><dt>Security</dt><dd data-security=${r.securityMode || ''}>${{ NO_SEC: 'NoSec', X509: 'X.509' }[
          r.securityMode] || r.securityMode || ''}</dd></div>
        <div><dt>Formats</dt><dd>${(r.contentFormats || []).join(', ') || 'not announced'}</dd></div>
      </dl>
      <div class="client-grid">
        <section class="tree" aria-labelledby="tree-title"><h2 id="tree-title">Object tree</h2>${this.tree(r)}
        </section>
        <div class="client-side">
          <wisp-node-panel .endpoint=${this.endpoint} .path=${this.selected}
            .model=${this.selected ? this.modelOf(Number(this.selected.split('/')[1])) : null}
            .entry=${this.values.get(this.selected) || null}
            .observations=${this.observations.filter((o) => !o.composite && o.paths.includes(this.selected))}
            .points=${this.history.get(this.selected) || []}
            .formats=${r.contentFormats || []} .host=${this.host}></wisp-node-panel>
          <wisp-composite .endpoint=${this.endpoint} .paths=${this.composite} .host=${this.host}
            @composite-clear=${() => { this.composite = []; }}></wisp-composite>
          ${this.observationsView()}
          ${r.queueMode ? this.queueView() : ''}
          ${this.logView()}
        </div>
      </div>`;
  }

  tree(r) {
    return html`<ul class="tree-root">${(r.objects || []).map((o) => {
      const model = this.models.get(`${o.id}@${o.version}`);
      const name = model ? model.name : (model === null ? 'no model known' : '…');
      return html`<li><details ?open=${o.id !== 0 && o.id !== 1}>
        <summary><span class="oid">/${o.id}</span> ${name} <small>v${o.version}</small></summary>
        <ul>
          ${this.nodeButton(`/${o.id}`, html`Object /${o.id}`)}
          ${o.instances.map((i) => html`<li>${this.nodeButtonRaw(`/${o.id}/${i}`, html`Instance /${o.id}/${i}`)}
            ${model ? html`<ul>${model.resources.map((res) => this.resourceButton(`/${o.id}/${i}/${res.id}`, res))}
            </ul>` : ''}</li>`)}
        </ul>
      </details></li>`;
    })}</ul>`;
  }

  nodeButton(path, label) {
    return html`<li>${this.nodeButtonRaw(path, label)}</li>`;
  }

  nodeButtonRaw(path, label) {
    return html`<button type="button" class="node" data-path=${path} aria-pressed=${this.selected === path}
      @click=${() => this.select(path)}>${label}</button>`;
  }

  toggleComposite(path, on) {
    const others = this.composite.filter((p) => p !== path);
    this.composite = on ? [...others, path] : others;
  }

  resourceButton(path, res) {
    const entry = this.values.get(path);
    const readable = (res.operations || '').includes('R');
    return html`<li class="resource-row">${readable ? html`<input type="checkbox" class="composite-pick"
      data-composite-path=${path} aria-label="Select ${path} for composite operations"
      .checked=${this.composite.includes(path)}
      @change=${(e) => this.toggleComposite(path, e.target.checked)}>` : ''}<button type="button"
      class="node resource" data-path=${path}
      aria-pressed=${this.selected === path} @click=${() => this.select(path)}>
      <span class="rid">${res.id}</span> ${res.name}
      <span class="ops" title="operations">${res.operations || '–'}</span>
      ${entry ? html`<span class="value" data-value-path=${path}>${formatValue(entry)}${res.units
        ? ` ${res.units}` : ''}</span>` : ''}
    </button></li>`;
  }

  observationsView() {
    if (!this.observations.length) {
      return '';
    }
    return html`<section aria-labelledby="obs-title"><h2 id="obs-title">Observations</h2>
      <ul class="observations">${this.observations.map((o) => html`<li>
        <code>${o.paths.join(', ')}</code>${o.composite ? ' (composite)' : ''}
        <button type="button" class="secondary outline small" @click=${() => this.cancelObservation(o.id)}>
          Cancel observation of ${o.paths.join(', ')}</button></li>`)}</ul></section>`;
  }

  queueView() {
    return html`<section aria-labelledby="queue-title"><h2 id="queue-title">Queued requests</h2>
      ${this.queue.length ? html`<ul class="queue">${this.queue.map((q) => html`<li data-request=${q.requestId}>
          <code>${q.description}</code> <small>${q.status.toLowerCase().replace('_', ' ')}, since
          ${ago(q.submittedAt)}</small>
          ${q.status === 'QUEUED' ? html`<button type="button" class="secondary outline small"
            @click=${() => this.cancelQueued(q.requestId)}>Cancel request ${q.requestId}</button>` : ''}
        </li>`)}</ul>`
        : html`<p><small>Nothing waits. Requests sent while the client sleeps wait here until it wakes up.</small></p>`}
    </section>`;
  }

  logView() {
    return html`<section aria-labelledby="log-title"><h2 id="log-title">Activity</h2>
      ${this.log.length ? html`<ol class="log" aria-live="polite">${this.log.map((l) => html`<li
        class=${l.failed ? 'failed' : ''}><time datetime=${l.time}>${new Date(l.time).toLocaleTimeString()}</time>
        ${l.text}: ${l.outcome}${l.queued ? ' (was queued)' : ''}</li>`)}</ol>`
        : html`<p><small>The results of requests to this client appear here.</small></p>`}
    </section>`;
  }
}

customElements.define('wisp-client', WispClient);
