// The operations on one node of a client's object tree (Core TS §6.3, §6.4): Read, Write, Execute, Observe and
// Cancel, Discover, Write-Attributes, Create, Delete — each offered where the node and its model allow it, with
// typed, checked input. The outcome is shown with the device's response code; failures in plain words.

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { call, clientPath } from './api.js';
import { codeName, depth, formatValue, isNumeric } from './lwm2m.js';
import { inputText } from './values.js';
import { check, describeType, uid, valueField } from './fields.js';
import './plot.js';

const FORMATS = ['TLV', 'SENML_JSON', 'SENML_CBOR', 'LWM2M_CBOR', 'TEXT', 'OPAQUE', 'CBOR', 'JSON'];
const ATTRIBUTES = [
  ['pmin', 'Minimum period (pmin, s)'], ['pmax', 'Maximum period (pmax, s)'],
  ['gt', 'Greater than (gt)'], ['lt', 'Less than (lt)'], ['st', 'Step (st)'],
  ['epmin', 'Evaluation minimum period (epmin, s)'], ['epmax', 'Evaluation maximum period (epmax, s)'],
];

class WispNodePanel extends Light {
  static properties = {
    endpoint: { type: String },
    path: { type: String },
    model: { attribute: false },
    entry: { attribute: false },
    observations: { attribute: false },
    points: { attribute: false },
    formats: { attribute: false },
    host: { attribute: false },
    format: { state: true },
    busy: { state: true },
    outcome: { state: true },
    error: { state: true },
    confirmDelete: { state: true },
  };

  constructor() {
    super();
    this.endpoint = '';
    this.path = '';
    this.model = null;
    this.entry = null;
    this.observations = [];
    this.points = [];
    this.formats = [];
    this.host = null;
    this.format = '';
    this.busy = '';
    this.outcome = null;
    this.error = null;
    this.confirmDelete = false;
    this.ids = { format: uid('format'), write: uid('write'), createId: uid('create-id') };
  }

  willUpdate(changed) {
    if (changed.has('path')) {
      this.outcome = null;
      this.error = null;
      this.confirmDelete = false;
      const r = this.resource();
      this.single = { text: r && !r.multiple ? inputText(r.type, this.entry && this.entry.value) : '', error: '' };
      this.rows = r && r.multiple && this.entry && this.entry.values
        ? Object.entries(this.entry.values).map(([id, v]) => ({ id, text: inputText(r.type, v), error: '' }))
        : [{ id: '0', text: '', error: '' }];
      this.fields = new Map();
      this.createId = '';
      this.args = new Map();
      this.rawArgs = '';
      this.attrs = {};
    }
  }

  /** The resource definition of a resource or resource-instance path, else null. */
  resource() {
    if (!this.model || depth(this.path) < 3) {
      return null;
    }
    const id = Number(this.path.split('/')[3]);
    return this.model.resources.find((r) => r.id === id) || null;
  }

  level() {
    return ['root', 'object', 'instance', 'resource', 'resource instance'][depth(this.path)];
  }

  /** Runs one operation: shows it as busy, then its outcome or its failure. */
  async run(name, operation) {
    this.busy = name;
    this.error = null;
    this.outcome = null;
    try {
      const { status, body } = await operation();
      if (status === 202) {
        this.outcome = {
          title: `${name} ${this.path}: queued`,
          text: `The client is asleep; request ${body.requestId} is sent when it wakes up. Its result appears in`
            + ' the activity list below.',
        };
        this.host.refreshQueue();
      } else {
        this.outcome = this.describe(name, body);
      }
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = '';
    }
  }

  describe(name, body) {
    if (body.cancelled) {
      const codes = body.cancelled.map((c) => (c.code ? codeName(c.code) : 'failed')).join(', ');
      return { title: `${name} ${this.path}: ${codes || 'done'}`, text: 'The client no longer notifies this path.' };
    }
    const outcome = { title: `${name} ${body.path || this.path}: ${codeName(body.code)}`, code: body.code };
    if (body.content !== undefined) {
      if (body.content && body.content.kind) {
        this.host.apply(this.path, body.content, 'read');
      }
      const entry = this.host.value(this.path);
      outcome.text = entry ? formatValue(entry) : '';
    }
    if (body.links) {
      outcome.links = body.links;
    }
    if (body.location) {
      outcome.text = `New instance ${body.location}.`;
    }
    return outcome;
  }

  query() {
    return this.format ? { format: this.format } : {};
  }

  read() {
    return this.run('Read', () => call('GET', clientPath(this.endpoint, this.path), { query: this.query() }));
  }

  discover() {
    return this.run('Discover', () => call('GET', clientPath(this.endpoint, this.path, '/discover')));
  }

  async observe() {
    await this.run('Observe', () => call('POST', clientPath(this.endpoint, this.path, '/observe'),
      { query: this.query() }));
    this.host.refreshObservations();
  }

  async cancelObserve() {
    await this.run('Cancel observation', () => call('DELETE', clientPath(this.endpoint, this.path, '/observe')));
    this.host.refreshObservations();
  }

  /** Write of a single resource, a multiple resource, or (partial update) an instance. */
  write() {
    const r = this.resource();
    let body;
    if (r && !r.multiple) {
      const c = check(r, this.single.text, true);
      this.single = { text: this.single.text, error: c.ok ? '' : c.error };
      if (!c.ok) {
        this.requestUpdate();
        return undefined;
      }
      body = `{"value":${c.json}}`;
    } else if (r) {
      const parts = [];
      let bad = false;
      this.rows = this.rows.map((row) => {
        const c = check(r, row.text, true);
        const idOk = /^\d{1,5}$/.test(row.id) && Number(row.id) <= 65534;
        bad = bad || !c.ok || !idOk;
        if (c.ok && idOk) {
          parts.push(`${JSON.stringify(String(Number(row.id)))}:${c.json}`);
        }
        return { ...row, error: !idOk ? 'The instance ID is a whole number 0..65534.' : c.ok ? '' : c.error };
      });
      if (bad) {
        return undefined;
      }
      body = `{"values":{${parts.join(',')}}}`;
    } else {
      const resources = this.resourcesBody();
      if (resources === null) {
        return undefined;
      }
      body = `{"resources":${resources}}`;
    }
    const mode = r ? 'replace' : 'update';
    return this.run('Write', async () => {
      const answer = await call('PUT', clientPath(this.endpoint, this.path),
        { query: { ...this.query(), mode }, rawJson: body });
      if (answer.status === 200 && r && r.readable) {
        const read = await call('GET', clientPath(this.endpoint, this.path));
        if (read.status === 200 && read.body.content) {
          this.host.apply(this.path, read.body.content, 'read');
        }
      }
      return answer;
    });
  }

  /** `{"<id>": {"value": v}, ...}` from the resource fields (empty ones left out); null when one is invalid. */
  resourcesBody() {
    const parts = [];
    let bad = false;
    for (const r of this.writable()) {
      const state = this.fields.get(r.id) || { text: '', error: '' };
      const c = check(r, state.text, false);
      this.fields.set(r.id, { text: state.text, error: c.ok ? '' : c.error });
      bad = bad || !c.ok;
      if (c.ok && c.json !== null) {
        parts.push(`"${r.id}":{"value":${c.json}}`);
      }
    }
    this.requestUpdate();
    return bad ? null : `{${parts.join(',')}}`;
  }

  writable() {
    return this.model ? this.model.resources.filter((r) => r.writable && !r.multiple) : [];
  }

  create() {
    const resources = this.resourcesBody();
    const idText = this.createId.trim();
    if (idText && !(/^\d{1,5}$/.test(idText) && Number(idText) <= 65534)) {
      this.createIdError = 'The instance ID is a whole number 0..65534, or empty to let the client choose.';
      this.requestUpdate();
      return undefined;
    }
    this.createIdError = '';
    if (resources === null) {
      return undefined;
    }
    const body = `{${idText ? `"id":${Number(idText)},` : ''}"resources":${resources}}`;
    return this.run('Create', () => call('POST', clientPath(this.endpoint, this.path),
      { query: this.query(), rawJson: body }));
  }

  async deleteInstance() {
    if (!this.confirmDelete) {
      this.confirmDelete = true;
      return;
    }
    this.confirmDelete = false;
    await this.run('Delete', () => call('DELETE', clientPath(this.endpoint, this.path)));
  }

  /** Execute with the arguments (Core TS §5.4.2.1): from the model's argument fields, or typed as text. */
  execute() {
    const r = this.resource();
    let text = this.rawArgs.trim();
    if (r && r.arguments.length) {
      const parts = [];
      let bad = false;
      for (const a of r.arguments) {
        const state = this.args.get(a.order) || { include: false, text: '', error: '' };
        if (!state.include) {
          continue;
        }
        let error = '';
        if (a.type !== 'NONE' && state.text !== '') {
          const c = check(a, state.text, true);
          error = c.ok ? '' : c.error;
        }
        if (!error && state.text.includes("'")) {
          error = 'An argument value cannot contain a single quote.';
        }
        this.args.set(a.order, { ...state, error });
        bad = bad || !!error;
        parts.push(state.text === '' ? `${a.order}` : `${a.order}='${state.text}'`);
      }
      this.requestUpdate();
      if (bad) {
        return undefined;
      }
      text = parts.join(',');
    } else if (text && !/^\d(='[^']*')?(,\d(='[^']*')?)*$/.test(text)) {
      this.argsError = "Write arguments as digit or digit='value', separated by commas, e.g. 0='fast',1.";
      this.requestUpdate();
      return undefined;
    }
    this.argsError = '';
    return this.run('Execute', () => call('POST', clientPath(this.endpoint, this.path, '/execute'), { text }));
  }

  writeAttributes() {
    const query = {};
    for (const [name] of ATTRIBUTES) {
      const v = (this.attrs[name] || '').trim();
      if (v !== '') {
        query[name] = v;
      }
    }
    if (!Object.keys(query).length) {
      this.attrsError = 'Give at least one attribute.';
      this.requestUpdate();
      return undefined;
    }
    const bad = Object.entries(query).find(([, v]) => !/^-?\d+(\.\d+)?$/.test(v));
    this.attrsError = bad ? `${bad[0]} must be a number, got "${bad[1]}".` : '';
    if (bad) {
      this.requestUpdate();
      return undefined;
    }
    return this.run('Write-Attributes', () => call('PUT', clientPath(this.endpoint, this.path, '/attributes'),
      { query }));
  }

  render() {
    if (!this.path) {
      return html`<article class="node-panel"><p>Choose a node in the object tree to read, write, execute or
        observe it.</p></article>`;
    }
    const r = this.resource();
    const level = this.level();
    const observed = this.observations.length > 0;
    const readable = !r || r.readable;
    return html`<article class="node-panel" aria-labelledby="node-title">
      <header>
        <h2 id="node-title">${this.heading(r)}</h2>
        <p class="node-facts">${level} <code>${this.path}</code>${r ? html` · ${r.operations || 'no operations'} ·
          ${describeType(r)}${r.mandatory ? ' · mandatory' : ''}${r.multiple ? ' · multiple' : ''}` : ''}
          ${observed ? html` · <span class="observed">observed</span>` : ''}</p>
        ${r && r.description ? html`<p><small>${r.description}</small></p>` : ''}
        ${this.entry ? html`<p>Value: <output class="current" data-path=${this.path}>${formatValue(this.entry)}
          </output></p>` : ''}
      </header>
      <div class="format-row">
        <label for=${this.ids.format}>Content format</label>
        <select id=${this.ids.format} @change=${(e) => { this.format = e.target.value; }}>
          <option value="">The client's default</option>
          ${FORMATS.map((f) => html`<option value=${f} ?selected=${this.format === f}>${f}${
            this.formats.includes(f) ? ' (announced)' : ''}</option>`)}
        </select>
      </div>
      <div class="actions" role="group" aria-label="Operations on ${this.path}">
        ${readable && !(r && r.executable) ? html`<button data-op="read" @click=${this.read}>Read</button>` : ''}
        ${readable && !(r && r.executable) ? (observed
          ? html`<button data-op="cancel-observe" class="secondary" @click=${this.cancelObserve}>Cancel observation
            </button>`
          : html`<button data-op="observe" class="secondary" @click=${this.observe}>Observe</button>`) : ''}
        <button data-op="discover" class="secondary outline" @click=${this.discover}>Discover</button>
        ${level === 'instance' ? html`<button data-op="delete" class="contrast outline" @click=${this.deleteInstance}>
            ${this.confirmDelete ? `Confirm: delete ${this.path}` : 'Delete'}</button>` : ''}
      </div>
      ${this.busy ? html`<p aria-busy="true" role="status">${this.busy} ${this.path}…</p>` : ''}
      ${problemView(this.error)}
      ${this.outcome ? this.outcomeView() : ''}
      ${r && r.writable ? this.writeView(r) : ''}
      ${r && r.executable ? this.executeView(r) : ''}
      ${level === 'instance' && this.writable().length ? this.instanceWriteView() : ''}
      ${level === 'object' && this.model ? this.createView() : ''}
      ${this.attributesView(r)}
      ${r && isNumeric(r.type) && !r.multiple ? html`<section class="plot-section" aria-label="Plot">
        <h3>History</h3><wisp-plot .points=${this.points} .label=${`${r.name} ${r.units}`.trim()}></wisp-plot>
      </section>` : ''}
    </article>`;
  }

  heading(r) {
    if (r) {
      return `${r.name}`;
    }
    if (this.model) {
      return depth(this.path) === 1 ? `${this.model.name}` : `${this.model.name} ${this.path.split('/')[2]}`;
    }
    return `Object ${this.path}`;
  }

  outcomeView() {
    const o = this.outcome;
    return html`<div class="outcome" role="status" data-code=${o.code || ''}>
      <strong>${o.title}</strong>
      ${o.text ? html`<p class="outcome-text">${o.text}</p>` : ''}
      ${o.links ? html`<ul class="links">${o.links.map((l) => html`<li><code>${l.link}</code></li>`)}</ul>` : ''}
    </div>`;
  }

  writeView(r) {
    if (!r.multiple) {
      return html`<form class="op-form" @submit=${(e) => { e.preventDefault(); this.write(); }}>
        <fieldset><legend>Write</legend>
          ${valueField(this.ids.write, `New value of ${r.name}`, r, this.single, (t) => {
            this.single = { text: t, error: '' };
          }, { required: true })}
        </fieldset>
        <button type="submit" data-op="write">Write</button>
      </form>`;
    }
    return html`<form class="op-form" @submit=${(e) => { e.preventDefault(); this.write(); }}>
      <fieldset><legend>Write (replaces every instance of ${r.name})</legend>
        ${this.rows.map((row, k) => html`<div class="row-pair">
          <div><label for="${this.ids.write}-id-${k}">Instance</label>
            <input id="${this.ids.write}-id-${k}" inputmode="numeric" .value=${row.id}
              @input=${(e) => { this.rows[k] = { ...this.rows[k], id: e.target.value }; }}></div>
          <div>${valueField(`${this.ids.write}-v-${k}`, `Value ${k + 1}`, r, row, (t) => {
            this.rows[k] = { ...this.rows[k], text: t, error: '' };
            this.requestUpdate();
          }, { required: true })}</div>
          <button type="button" class="secondary outline" aria-label="Remove value ${k + 1}"
            @click=${() => { this.rows = this.rows.filter((_, i) => i !== k); this.requestUpdate(); }}>Remove</button>
        </div>`)}
      </fieldset>
      <div role="group">
        <button type="button" class="secondary outline" @click=${() => {
          const next = Math.max(-1, ...this.rows.map((x) => Number(x.id) || 0)) + 1;
          this.rows = [...this.rows, { id: String(next), text: '', error: '' }];
          this.requestUpdate();
        }}>Add a value</button>
        <button type="submit" data-op="write">Write</button>
      </div>
    </form>`;
  }

  executeView(r) {
    return html`<form class="op-form" @submit=${(e) => { e.preventDefault(); this.execute(); }}>
      <fieldset><legend>Execute ${r.name}</legend>
        ${r.arguments.length ? r.arguments.map((a) => {
          const state = this.args.get(a.order) || { include: false, text: '', error: '' };
          const id = `${this.ids.write}-arg-${a.order}`;
          return html`<div class="argument">
            <label><input type="checkbox" .checked=${state.include} @change=${(e) => {
              this.args.set(a.order, { ...state, include: e.target.checked });
              this.requestUpdate();
            }}> Argument ${a.order}: ${a.name}</label>
            ${a.type !== 'NONE' && state.include ? valueField(id, `Value of ${a.name}`, a, state, (t) => {
              this.args.set(a.order, { ...state, include: true, text: t, error: '' });
            }) : ''}
            ${a.description ? html`<small>${a.description}</small>` : ''}
          </div>`;
        }) : html`<label for="${this.ids.write}-args">Arguments (optional), e.g. 0='fast',1</label>
          <input id="${this.ids.write}-args" .value=${this.rawArgs} autocomplete="off" spellcheck="false"
            aria-invalid=${this.argsError ? 'true' : 'false'} @input=${(e) => { this.rawArgs = e.target.value; }}>
          ${this.argsError ? html`<small class="field-error" role="alert">${this.argsError}</small>` : ''}`}
      </fieldset>
      <button type="submit" data-op="execute">Execute</button>
    </form>`;
  }

  resourceFields(prefix) {
    return this.writable().map((r) => valueField(`${prefix}-${r.id}`, `${r.id} ${r.name}${r.mandatory ? ' *' : ''}`,
      r, this.fields.get(r.id) || { text: '', error: '' }, (t) => this.fields.set(r.id, { text: t, error: '' })));
  }

  instanceWriteView() {
    return html`<details class="op-form"><summary>Write several resources</summary>
      <form @submit=${(e) => { e.preventDefault(); this.write(); }}>
        <p><small>Only the fields filled in are written (a partial update of ${this.path}).</small></p>
        ${this.resourceFields(`${this.ids.write}-iw`)}
        <button type="submit" data-op="write-instance">Write</button>
      </form></details>`;
  }

  createView() {
    return html`<details class="op-form"><summary>Create an instance</summary>
      <form @submit=${(e) => { e.preventDefault(); this.create(); }}>
        <label for=${this.ids.createId}>Instance ID (empty: the client chooses)</label>
        <input id=${this.ids.createId} inputmode="numeric" .value=${this.createId}
          aria-invalid=${this.createIdError ? 'true' : 'false'} @input=${(e) => { this.createId = e.target.value; }}>
        ${this.createIdError ? html`<small class="field-error" role="alert">${this.createIdError}</small>` : ''}
        ${this.resourceFields(`${this.ids.write}-cr`)}
        <button type="submit" data-op="create">Create</button>
      </form></details>`;
  }

  attributesView(r) {
    const numeric = r && isNumeric(r.type);
    return html`<details class="op-form"><summary>Write-Attributes (notification attributes)</summary>
      <form @submit=${(e) => { e.preventDefault(); this.writeAttributes(); }}>
        <div class="grid-attrs">${ATTRIBUTES.filter(([n]) => numeric || !['gt', 'lt', 'st'].includes(n))
          .map(([name, label]) => html`<div><label for="${this.ids.write}-${name}">${label}</label>
            <input id="${this.ids.write}-${name}" inputmode="decimal" .value=${this.attrs[name] || ''}
              @input=${(e) => { this.attrs[name] = e.target.value; }}></div>`)}</div>
        ${this.attrsError ? html`<small class="field-error" role="alert">${this.attrsError}</small>` : ''}
        <button type="submit" data-op="write-attributes">Write attributes</button>
      </form></details>`;
  }
}

customElements.define('wisp-node-panel', WispNodePanel);
