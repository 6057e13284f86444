// The object editor: create or edit an object definition, its resources and their executable arguments. Every
// change is judged by the server's validator (POST /api/v1/models/validate, the rules of `wisp objects validate`)
// and the DDF XML it would write is previewed; it can be downloaded once the validator finds no error.

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { ApiError, call, get, saveBlob } from './api.js';

/** The data types by the API's name, labelled as DDF files spell them. */
const TYPES = [['STRING', 'String'], ['INTEGER', 'Integer'], ['UNSIGNED_INTEGER', 'Unsigned Integer'],
  ['FLOAT', 'Float'], ['BOOLEAN', 'Boolean'], ['OPAQUE', 'Opaque'], ['TIME', 'Time'], ['OBJLNK', 'Objlnk'],
  ['CORELNK', 'Corelnk']];
const OPERATIONS = [['R', 'Read (R)'], ['W', 'Write (W)'], ['RW', 'Read and write (RW)'], ['E', 'Execute (E)'],
  ['', 'None']];
const DESCRIPTION_LIMIT = 134;
const DELAY_MS = 250;

let keys = 0;
const key = () => { keys += 1; return keys; };

function blankResource(id) {
  return { key: key(), id: String(id), name: '', operations: 'R', multiple: false, mandatory: true, type: 'STRING',
    rangeEnumeration: '', units: '', description: '', arguments: [] };
}

function blankArgument(order) {
  return { key: key(), order: String(order), name: '', type: 'INTEGER', rangeEnumeration: '', units: '',
    description: '' };
}

/** A whole number when the text is one (so the server can judge it), else the text (the server names the field). */
function number(text) {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
}

/** "body.resources[1].arguments[0].name" as people read it: "resource 2, argument 1, name". */
export function fieldLabel(field) {
  return (field || '').replace(/^body\.?/, '')
    .replace(/resources\[(\d+)\]/g, (_, k) => `resource ${Number(k) + 1}`)
    .replace(/arguments\[(\d+)\]/g, (_, k) => `argument ${Number(k) + 1}`)
    .replace(/\./g, ', ') || 'the definition';
}

/** The URN the registry would give: urn:oma:lwm2m:{oma|ext|x}:ID, with :version unless it is 1.0. */
export function suggestedUrn(id, version) {
  const n = Number(id);
  const label = n <= 1023 ? 'oma' : n >= 2048 && n <= 10240 ? 'ext' : 'x';
  return `urn:oma:lwm2m:${label}:${n}${version && version !== '1.0' ? `:${version}` : ''}`;
}

class WispObjectEditor extends Light {
  static properties = {
    sourceId: { type: String },
    sourceVersion: { type: String },
    draft: { state: true },
    result: { state: true },
    uploaded: { state: true },
    uploading: { state: true },
    refusal: { state: true },
    error: { state: true },
    checking: { state: true },
  };

  constructor() {
    super();
    this.sourceId = '';
    this.sourceVersion = '';
    this.draft = {
      id: '', name: '', description: '', description2: '', urn: '', objectVersion: '1.0', lwm2mVersion: '1.1',
      multiple: true, mandatory: false, license: '', resources: [blankResource(0)],
    };
    this.result = null;
    this.uploaded = null;
    this.uploading = false;
    this.refusal = null;
    this.error = null;
    this.checking = false;
    this.sequence = 0;
  }

  async connectedCallback() {
    super.connectedCallback();
    if (this.sourceId) {
      try {
        const m = await get(`/api/v1/models/${encodeURIComponent(this.sourceId)}`, { version: this.sourceVersion });
        this.draft = {
          ...m, id: String(m.id),
          resources: m.resources.map((r) => ({
            ...r, key: key(), id: String(r.id),
            arguments: r.arguments.map((a) => ({ ...a, key: key(), order: String(a.order) })),
          })),
        };
      } catch (e) {
        this.error = e;
      }
    }
    this.validate();
  }

  body() {
    const d = this.draft;
    return {
      id: number(d.id), name: d.name, description: d.description, description2: d.description2, urn: d.urn,
      objectVersion: d.objectVersion, lwm2mVersion: d.lwm2mVersion, multiple: d.multiple, mandatory: d.mandatory,
      license: d.license,
      resources: d.resources.map((r) => ({
        id: number(r.id), name: r.name, operations: r.operations, multiple: r.multiple, mandatory: r.mandatory,
        type: r.operations === 'E' ? 'NONE' : r.type, rangeEnumeration: r.rangeEnumeration, units: r.units,
        description: r.description,
        arguments: r.operations === 'E' ? r.arguments.map((a) => ({
          order: number(a.order), name: a.name, type: a.type, rangeEnumeration: a.rangeEnumeration, units: a.units,
          description: a.description,
        })) : [],
      })),
    };
  }

  /** Changes the draft and schedules a check by the server's validator. */
  change(mutate) {
    mutate(this.draft);
    this.draft = { ...this.draft };
    this.uploaded = null;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validate(), DELAY_MS);
  }

  async validate() {
    const mine = ++this.sequence;
    this.checking = true;
    try {
      const { body } = await call('POST', '/api/v1/models/validate', { body: this.body() });
      if (mine === this.sequence) {
        this.result = body;
        this.refusal = null;
        this.error = null;
      }
    } catch (e) {
      if (mine === this.sequence) {
        this.result = null;
        if (e instanceof ApiError && e.status === 400) {
          this.refusal = e.problem;
        } else {
          this.error = e;
        }
      }
    } finally {
      if (mine === this.sequence) {
        this.checking = false;
      }
    }
  }

  download() {
    if (this.result && this.result.ddf && this.result.valid) {
      saveBlob(new Blob([this.result.ddf], { type: 'application/xml' }), `${this.draft.id}.xml`);
    }
  }

  /** Adds the definition to the server's models (POST /api/v1/models), which judges it once more. */
  async upload() {
    if (!(this.result && this.result.ddf && this.result.valid)) {
      return;
    }
    this.uploading = true;
    this.uploaded = null;
    this.error = null;
    try {
      const { body } = await call('POST', '/api/v1/models', {
        query: { name: `${this.draft.id}.xml` }, text: this.result.ddf, contentType: 'application/xml',
      });
      this.uploaded = body.models;
    } catch (e) {
      this.error = e;
    } finally {
      this.uploading = false;
    }
  }

  text(id, label, value, set, { type = 'text', hint = '', multiline = false } = {}) {
    const on = (e) => this.change((d) => set(d, e.target.value));
    return html`<label for=${id}>${label}</label>
      ${multiline ? html`<textarea id=${id} rows="3" .value=${value} @input=${on}
        aria-describedby=${hint ? `${id}-hint` : ''}></textarea>`
        : html`<input id=${id} type=${type} .value=${value} @input=${on} autocomplete="off"
          aria-describedby=${hint ? `${id}-hint` : ''}>`}
      ${hint ? html`<small id="${id}-hint">${hint}</small>` : ''}`;
  }

  select(id, label, value, options, set) {
    return html`<label for=${id}>${label}</label>
      <select id=${id} @change=${(e) => this.change((d) => set(d, e.target.value))}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>`;
  }

  render() {
    const d = this.draft;
    return html`
      <nav aria-label="Breadcrumb"><ul><li><a href="#/objects">Objects</a></li><li>Editor</li></ul></nav>
      <hgroup><h1>Object editor</h1><p>${this.sourceId ? `A copy of object ${this.sourceId}; the server's models
        stay as they are.` : 'A new object definition.'} Checked as you type by the server's validator.</p></hgroup>
      ${problemView(this.error)}
      <div class="editor-grid">
        <form class="editor" @submit=${(e) => e.preventDefault()}>
          <fieldset><legend>Object</legend>
            <div class="grid">
              <div>${this.text('obj-id', 'Object ID', d.id, (x, v) => { x.id = v; },
                { type: 'number', hint: 'OMA 0–1023, ext 2048–10240, vendor 10241–32768, test 42769–42800' })}</div>
              <div>${this.text('obj-name', 'Name', d.name, (x, v) => { x.name = v; })}</div>
            </div>
            ${this.text('obj-description', 'Description', d.description, (x, v) => { x.description = v; },
              { multiline: true, hint: `${[...d.description].length} of ${DESCRIPTION_LIMIT} characters` })}
            <div class="grid">
              <div>${this.text('obj-version', 'Object version', d.objectVersion, (x, v) => { x.objectVersion = v; })}
              </div>
              <div>${this.select('obj-lwm2m', 'LwM2M version', d.lwm2mVersion,
                [['1.0', '1.0'], ['1.1', '1.1'], ['1.2', '1.2']], (x, v) => { x.lwm2mVersion = v; })}</div>
              <div>${this.select('obj-multiple', 'Instances', String(d.multiple),
                [['true', 'Multiple'], ['false', 'Single']], (x, v) => { x.multiple = v === 'true'; })}</div>
              <div>${this.select('obj-mandatory', 'Mandatory', String(d.mandatory),
                [['false', 'Optional'], ['true', 'Mandatory']], (x, v) => { x.mandatory = v === 'true'; })}</div>
            </div>
            ${this.text('obj-urn', 'URN', d.urn, (x, v) => { x.urn = v; })}
            <button type="button" class="secondary outline" data-op="suggest-urn"
              @click=${() => this.change((x) => { x.urn = suggestedUrn(x.id, x.objectVersion); })}>
              Fill in the URN from the ID and version</button>
            ${this.text('obj-description2', 'Description 2', d.description2, (x, v) => { x.description2 = v; },
              { multiline: true })}
            ${this.text('obj-license', 'License', d.license, (x, v) => { x.license = v; },
              { multiline: true, hint: 'The registry asks for BSD-3-Clause.' })}
          </fieldset>
          ${d.resources.map((r, k) => this.resourceView(r, k))}
          <button type="button" class="secondary" data-op="add-resource" @click=${() => this.change((x) => {
            const next = Math.max(-1, ...x.resources.map((res) => Number(res.id) || 0)) + 1;
            x.resources = [...x.resources, blankResource(next)];
          })}>Add a resource</button>
        </form>
        <aside class="editor-side">${this.findingsView()}${this.previewView()}</aside>
      </div>`;
  }

  resourceView(r, k) {
    const at = `res-${r.key}`;
    const set = (mutate) => (x, v) => mutate(x.resources[k], v);
    return html`<fieldset class="resource" data-resource=${k}>
      <legend>Resource ${k + 1}${r.name ? `: ${r.name}` : ''}</legend>
      <div class="grid">
        <div>${this.text(`${at}-id`, 'Resource ID', r.id, set((x, v) => { x.id = v; }), { type: 'number' })}</div>
        <div>${this.text(`${at}-name`, 'Name', r.name, set((x, v) => { x.name = v; }))}</div>
        <div>${this.select(`${at}-ops`, 'Operations', r.operations, OPERATIONS, set((x, v) => { x.operations = v; }))}
        </div>
      </div>
      <div class="grid">
        ${r.operations === 'E' ? html`<div><p><small>Executable resources have no type.</small></p></div>`
          : html`<div>${this.select(`${at}-type`, 'Type', r.type, [['NONE', 'None'],
            ...TYPES], set((x, v) => { x.type = v; }))}</div>`}
        <div>${this.select(`${at}-multiple`, 'Instances', String(r.multiple), [['false', 'Single'],
          ['true', 'Multiple']], set((x, v) => { x.multiple = v === 'true'; }))}</div>
        <div>${this.select(`${at}-mandatory`, 'Mandatory', String(r.mandatory), [['true', 'Mandatory'],
          ['false', 'Optional']], set((x, v) => { x.mandatory = v === 'true'; }))}</div>
      </div>
      <div class="grid">
        <div>${this.text(`${at}-range`, 'Range or enumeration', r.rangeEnumeration,
          set((x, v) => { x.rangeEnumeration = v; }), { hint: 'e.g. 0..100, 1,2,3 or 0..255 bytes' })}</div>
        <div>${this.text(`${at}-units`, 'Units', r.units, set((x, v) => { x.units = v; }),
          { hint: 'A SenML unit, e.g. Cel, %, m/s' })}</div>
      </div>
      ${this.text(`${at}-description`, 'Description', r.description, set((x, v) => { x.description = v; }),
        { multiline: true })}
      ${r.operations === 'E' ? this.argumentsView(r, k) : ''}
      <button type="button" class="contrast outline" @click=${() => this.change((x) => {
        x.resources = x.resources.filter((_, i) => i !== k);
      })}>Remove resource ${k + 1}</button>
    </fieldset>`;
  }

  argumentsView(r, k) {
    const set = (j, mutate) => (x, v) => mutate(x.resources[k].arguments[j], v);
    return html`<fieldset class="arguments"><legend>Arguments of ${r.name || `resource ${k + 1}`}</legend>
      ${r.arguments.map((a, j) => {
        const at = `arg-${a.key}`;
        return html`<div class="argument-row">
          <div class="grid">
            <div>${this.text(`${at}-order`, 'Digit', a.order, set(j, (x, v) => { x.order = v; }), { type: 'number' })}
            </div>
            <div>${this.text(`${at}-name`, 'Name', a.name, set(j, (x, v) => { x.name = v; }))}</div>
            <div>${this.select(`${at}-type`, 'Type', a.type, [['NONE', 'None'],
              ...TYPES], set(j, (x, v) => { x.type = v; }))}</div>
          </div>
          <div class="grid">
            <div>${this.text(`${at}-range`, 'Range', a.rangeEnumeration,
              set(j, (x, v) => { x.rangeEnumeration = v; }))}</div>
            <div>${this.text(`${at}-units`, 'Units', a.units, set(j, (x, v) => { x.units = v; }))}</div>
            <div>${this.text(`${at}-description`, 'Description', a.description,
              set(j, (x, v) => { x.description = v; }))}</div>
          </div>
          <button type="button" class="secondary outline" @click=${() => this.change((x) => {
            x.resources[k].arguments = x.resources[k].arguments.filter((_, i) => i !== j);
          })}>Remove argument ${j + 1}</button>
        </div>`;
      })}
      <button type="button" class="secondary outline" @click=${() => this.change((x) => {
        const used = x.resources[k].arguments.map((a) => Number(a.order));
        const free = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((n) => !used.includes(n)) ?? 0;
        x.resources[k].arguments = [...x.resources[k].arguments, blankArgument(free)];
      })}>Add an argument</button>
    </fieldset>`;
  }

  findingsView() {
    const r = this.result;
    let summary;
    if (this.refusal) {
      summary = html`<p class="problem" role="alert" data-refusal=${this.refusal.field || ''}>
        <strong>Cannot be checked yet:</strong> ${fieldLabel(this.refusal.field)}: ${this.refusal.detail}</p>`;
    } else if (!r) {
      summary = html`<p aria-busy=${this.checking ? 'true' : 'false'}>Checking…</p>`;
    } else if (!r.findings.length) {
      summary = html`<p class="ok">No problems found.</p>`;
    } else {
      summary = html`<p>${r.errors} error${r.errors === 1 ? '' : 's'}, ${r.warnings}
        warning${r.warnings === 1 ? '' : 's'}.</p>`;
    }
    return html`<section aria-labelledby="findings-title" class="findings" data-errors=${r ? r.errors : ''}
      data-checking=${this.checking ? 'true' : 'false'}>
      <h2 id="findings-title">Validator</h2>
      <div aria-live="polite">${summary}</div>
      ${r && r.findings.length ? html`<ul>${r.findings.map((f) => html`<li class="finding ${f.severity}"
        data-rule=${f.rule}><span class="severity">${f.severity}</span> ${f.message}
        ${f.value ? html`<small>(value: <code>${f.value}</code>)</small>` : ''}
        ${f.fix ? html`<br><small>Fix: ${f.fix}</small>` : ''} <small class="rule">${f.rule}</small></li>`)}</ul>` : ''}
    </section>`;
  }

  previewView() {
    const r = this.result;
    const ready = !!(r && r.ddf && r.valid);
    return html`<section aria-labelledby="ddf-title" class="ddf">
      <h2 id="ddf-title">DDF XML</h2>
      <button type="button" data-op="download" ?disabled=${!ready} @click=${this.download}
        aria-describedby="download-hint">Download ${this.draft.id || 'object'}.xml</button>
      <button type="button" class="secondary" data-op="upload" ?disabled=${!ready || this.uploading}
        aria-busy=${this.uploading ? 'true' : 'false'} @click=${this.upload}>Add to the server's models</button>
      <small id="download-hint">${ready ? 'Schema-valid DDF, written by the server.'
        : r && r.ddfProblem ? r.ddfProblem : 'Fix every error to download.'}</small>
      ${this.uploaded ? html`<p class="ok uploaded" role="status">Added to the server's models:
        ${this.uploaded.map((m) => html`<a href="#/objects/${m.id}?version=${m.objectVersion}">${m.id}
          ${m.name}</a> `)}</p>` : ''}
      ${r && r.ddf ? html`<pre class="ddf-preview" tabindex="0" aria-label="DDF XML preview"><code>${r.ddf}</code>
        </pre>` : ''}
    </section>`;
  }
}

customElements.define('wisp-object-editor', WispObjectEditor);
