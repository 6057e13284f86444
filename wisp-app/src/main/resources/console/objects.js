// The object definitions the server knows (GET /api/v1/models): a searchable list, and one definition with its
// resources and executable arguments, its DDF file, and a way into the editor.

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { ApiError, call, download, get } from './api.js';

class WispObjects extends Light {
  static properties = {
    models: { state: true },
    filter: { state: true },
    error: { state: true },
    upload: { state: true },
  };

  constructor() {
    super();
    this.upload = null;
    this.models = null;
    this.filter = '';
    this.error = null;
  }

  async connectedCallback() {
    super.connectedCallback();
    await this.load();
  }

  async load() {
    try {
      this.models = (await get('/api/v1/models')).items;
    } catch (e) {
      this.error = e;
    }
  }

  /** Sends a DDF file to POST /api/v1/models; the validator's findings come back either way. */
  async send(event) {
    event.preventDefault();
    const file = event.target.querySelector('input[type=file]').files[0];
    if (!file) {
      return;
    }
    this.upload = { busy: true };
    try {
      const { body } = await call('POST', '/api/v1/models', { query: { name: file.name }, text: await file.text(),
        contentType: 'application/xml' });
      this.upload = { added: body.models, findings: body.findings };
      await this.load();
    } catch (e) {
      this.upload = e instanceof ApiError && e.problem.findings
        ? { refused: e.problem.detail, findings: e.problem.findings } : { error: e };
    }
  }

  uploadView() {
    const u = this.upload || {};
    return html`<details class="upload"><summary>Upload a DDF file</summary>
      <form @submit=${this.send}>
        <label for="ddf-file">DDF XML file</label>
        <input id="ddf-file" type="file" accept=".xml,application/xml,text/xml" required>
        <button type="submit" aria-busy=${u.busy ? 'true' : 'false'}>Check and add</button>
      </form>
      ${u.added ? html`<p class="ok" role="status">Added: ${u.added.map((m) => `${m.id} ${m.name}`).join(', ')}</p>`
        : ''}
      ${u.refused ? html`<p class="problem" role="alert">Not added: ${u.refused}</p>` : ''}
      ${u.error ? problemView(u.error) : ''}
      ${u.findings && u.findings.length ? html`<ul>${u.findings.map((f) => html`<li class="finding ${f.severity}">
        <span class="severity">${f.severity}</span> ${f.message}${f.line ? ` (line ${f.line})` : ''}</li>`)}</ul>`
        : ''}
    </details>`;
  }

  render() {
    const f = this.filter.trim().toLowerCase();
    const shown = (this.models || []).filter((m) => !f || String(m.id).startsWith(f)
      || m.name.toLowerCase().includes(f));
    return html`
      <hgroup><h1>Objects</h1><p>The object definitions this server reads client data with.</p></hgroup>
      <p><a href="#/editor" role="button" data-op="new-object">New object</a></p>
      ${this.uploadView()}
      <search class="search">
        <label for="object-search">Search by ID or name</label>
        <input id="object-search" type="search" .value=${this.filter}
          @input=${(e) => { this.filter = e.target.value; }}>
      </search>
      ${problemView(this.error)}
      ${this.models === null && !this.error ? html`<p aria-busy="true">Loading…</p>` : ''}
      ${this.models ? html`<div class="overflow-auto"><table class="striped">
        <thead><tr><th scope="col">ID</th><th scope="col">Name</th><th scope="col">Version</th>
          <th scope="col">LwM2M</th><th scope="col">Instances</th><th scope="col">Resources</th>
          <th scope="col">Source</th></tr></thead>
        <tbody>${shown.map((m) => html`<tr>
          <td>${m.id}</td>
          <th scope="row"><a href="#/objects/${m.id}?version=${m.objectVersion}">${m.name}</a></th>
          <td>${m.objectVersion}</td><td>${m.lwm2mVersion}</td>
          <td>${m.multiple ? 'Multiple' : 'Single'}${m.mandatory ? ', mandatory' : ''}</td>
          <td>${m.resourceCount}</td><td><small>${m.source}</small></td>
        </tr>`)}</tbody></table></div>
        <p><small>${shown.length} of ${this.models.length} definitions.</small></p>` : ''}`;
  }
}

class WispObjectView extends Light {
  static properties = {
    objectId: { type: String },
    version: { type: String },
    model: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.objectId = '';
    this.version = '';
    this.model = null;
    this.error = null;
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.model = await get(`/api/v1/models/${encodeURIComponent(this.objectId)}`, { version: this.version });
    } catch (e) {
      this.error = e;
    }
  }

  async downloadDdf() {
    try {
      await download(`/api/v1/models/${this.model.id}/ddf?version=${this.model.objectVersion}`,
        `${this.model.id}.xml`);
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    const m = this.model;
    if (!m) {
      return html`<h1>Object ${this.objectId}</h1>${problemView(this.error)}
        ${this.error ? '' : html`<p aria-busy="true">Loading…</p>`}`;
    }
    return html`
      <nav aria-label="Breadcrumb"><ul><li><a href="#/objects">Objects</a></li><li>${m.id}</li></ul></nav>
      <hgroup><h1>${m.name} <small>/${m.id}</small></h1><p>${m.description}</p></hgroup>
      ${problemView(this.error)}
      <div role="group" class="inline-actions">
        <a role="button" href="#/editor/${m.id}?version=${m.objectVersion}">Edit a copy</a>
        <button type="button" class="secondary" @click=${this.downloadDdf}>Download DDF XML</button>
      </div>
      <dl class="facts">
        <div><dt>Version</dt><dd>${m.objectVersion}</dd></div>
        <div><dt>LwM2M</dt><dd>${m.lwm2mVersion}</dd></div>
        <div><dt>URN</dt><dd><code>${m.urn}</code></dd></div>
        <div><dt>Instances</dt><dd>${m.multiple ? 'Multiple' : 'Single'}</dd></div>
        <div><dt>Mandatory</dt><dd>${m.mandatory ? 'yes' : 'no'}</dd></div>
        <div><dt>Source</dt><dd>${m.source}</dd></div>
      </dl>
      <div class="overflow-auto"><table class="striped">
        <thead><tr><th scope="col">ID</th><th scope="col">Name</th><th scope="col">Operations</th>
          <th scope="col">Type</th><th scope="col">Range</th><th scope="col">Units</th>
          <th scope="col">Instances</th><th scope="col">Mandatory</th><th scope="col">Description</th></tr></thead>
        <tbody>${m.resources.map((r) => html`<tr>
          <td>${r.id}</td><th scope="row">${r.name}</th><td>${r.operations}</td>
          <td>${r.type === 'NONE' ? '' : r.type}</td><td>${r.rangeEnumeration}</td><td>${r.units}</td>
          <td>${r.multiple ? 'Multiple' : 'Single'}</td><td>${r.mandatory ? 'yes' : 'no'}</td>
          <td><small>${r.description}</small>${r.arguments.length ? html`<br><small>Arguments:
            ${r.arguments.map((a) => `${a.order} ${a.name} (${a.type.toLowerCase()}${a.rangeEnumeration
              ? ` ${a.rangeEnumeration}` : ''})`).join('; ')}</small>` : ''}</td>
        </tr>`)}</tbody></table></div>
      ${m.description2 ? html`<p><small>${m.description2}</small></p>` : ''}`;
  }
}

customElements.define('wisp-objects', WispObjects);
customElements.define('wisp-object-view', WispObjectView);
