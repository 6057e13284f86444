// Read-Composite and Observe-Composite (Core TS §6.3.8, §6.4.3) of the resources chosen in the object tree: one
// request for several paths, in SenML JSON, SenML CBOR or LwM2M CBOR (the formats that can carry them). Values land
// in the tree like a Read's; notifications of a composite observation arrive through the event stream.

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { call, clientPath } from './api.js';
import { codeName, formatValue } from './lwm2m.js';

const FORMATS = [['', 'Server\'s choice'], ['SENML_JSON', 'SenML JSON'], ['SENML_CBOR', 'SenML CBOR'],
  ['LWM2M_CBOR', 'LwM2M CBOR']];

class WispComposite extends Light {
  static properties = {
    endpoint: { type: String },
    paths: { attribute: false },
    host: { attribute: false },
    format: { state: true },
    busy: { state: true },
    outcome: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.endpoint = '';
    this.paths = [];
    this.host = null;
    this.format = '';
    this.busy = '';
    this.outcome = null;
    this.error = null;
  }

  query() {
    return { paths: this.paths.join(','), format: this.format };
  }

  async run(name, operation) {
    this.busy = name;
    this.error = null;
    this.outcome = null;
    try {
      const { status, body } = await operation();
      if (status === 202) {
        this.outcome = { title: `${name}: queued`, lines: [`The client is asleep; request ${body.requestId} is sent `
          + 'when it wakes up.'] };
        this.host.refreshQueue();
        return;
      }
      for (const [path, node] of Object.entries(body.content || {})) {
        this.host.apply(path, node, name === 'Read-Composite' ? 'read' : 'notification');
      }
      this.outcome = {
        title: `${name} of ${this.paths.length} paths: ${codeName(body.code)}`,
        lines: this.paths.map((p) => `${p} = ${formatValue(this.host.value(p)) || '(no value)'}`),
      };
      if (name === 'Observe-Composite') {
        this.host.refreshObservations();
      }
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = '';
    }
  }

  read() {
    return this.run('Read-Composite', () => call('GET', clientPath(this.endpoint, '', '/composite'),
      { query: this.query() }));
  }

  observe() {
    return this.run('Observe-Composite', () => call('POST', clientPath(this.endpoint, '', '/composite/observe'),
      { query: this.query() }));
  }

  render() {
    const none = this.paths.length === 0;
    return html`<section aria-labelledby="composite-title" class="composite">
      <h2 id="composite-title">Composite</h2>
      ${none ? html`<p><small>Tick resources in the object tree to read or observe several at once.</small></p>`
        : html`<p>Selected: ${this.paths.map((p) => html`<code class="composite-path">${p}</code> `)}</p>`}
      <form @submit=${(e) => { e.preventDefault(); this.read(); }}>
        <label for="composite-format">Format</label>
        <select id="composite-format" @change=${(e) => { this.format = e.target.value; }}>
          ${FORMATS.map(([v, label]) => html`<option value=${v} ?selected=${v === this.format}>${label}</option>`)}
        </select>
        <div class="buttons">
          <button type="submit" data-op="read-composite" ?disabled=${none || !!this.busy}
            aria-busy=${this.busy === 'Read-Composite' ? 'true' : 'false'}>Read composite</button>
          <button type="button" class="secondary" data-op="observe-composite" ?disabled=${none || !!this.busy}
            aria-busy=${this.busy === 'Observe-Composite' ? 'true' : 'false'} @click=${this.observe}>
            Observe composite</button>
          <button type="button" class="secondary outline" ?disabled=${none}
            @click=${() => this.dispatchEvent(new CustomEvent('composite-clear', { bubbles: true }))}>
            Clear selection</button>
        </div>
      </form>
      ${problemView(this.error)}
      ${this.outcome ? html`<div class="composite-outcome" role="status"><strong>${this.outcome.title}</strong>
        <ul>${this.outcome.lines.map((l) => html`<li>${l}</li>`)}</ul></div>` : ''}
    </section>`;
  }
}

customElements.define('wisp-composite', WispComposite);
