// The DTLS credentials per endpoint (GET/PUT/DELETE /api/v1/security, Transport TS §5.2): the list shows each
// endpoint's security mode and public identity, the form adds PSK, RPK or X.509 credentials. Keys go to the server
// and are never shown: the key field is a password field, emptied once sent, and no answer carries a key.

import { html } from 'lit';
import { Light, problemView } from './base.js';
import { call, get } from './api.js';

const MODES = [['PSK', 'Pre-shared key (PSK)'], ['RPK', 'Raw public key (RPK)'], ['X509', 'X.509 certificate']];

class WispSecurity extends Light {
  static properties = {
    items: { state: true },
    mode: { state: true },
    error: { state: true },
    saved: { state: true },
    busy: { state: true },
    confirm: { state: true },
  };

  constructor() {
    super();
    this.items = null;
    this.mode = 'PSK';
    this.error = null;
    this.saved = '';
    this.busy = false;
    this.confirm = '';
  }

  async connectedCallback() {
    super.connectedCallback();
    await this.load();
  }

  async load() {
    try {
      this.items = (await get('/api/v1/security')).items;
    } catch (e) {
      this.error = e;
    }
  }

  async add(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const endpoint = (data.get('endpoint') || '').trim();
    const body = { mode: this.mode };
    if (this.mode === 'PSK') {
      body.identity = data.get('identity');
      body.key = (data.get('key') || '').trim();
    } else if (this.mode === 'RPK') {
      body.publicKey = data.get('publicKey');
    } else if ((data.get('commonName') || '').trim()) {
      body.commonName = data.get('commonName').trim();
    }
    this.busy = true;
    this.error = null;
    this.saved = '';
    try {
      const { status } = await call('PUT', `/api/v1/security/${encodeURIComponent(endpoint)}`, { body });
      this.saved = `${status === 201 ? 'Added' : 'Replaced'} the credentials of ${endpoint}.`;
      form.reset();
      await this.load();
    } catch (e) {
      this.error = e;
    } finally {
      const key = form.querySelector('[name=key]');
      if (key) {
        key.value = '';
      }
      this.busy = false;
    }
  }

  async removeCredentials(endpoint) {
    this.error = null;
    try {
      await call('DELETE', `/api/v1/security/${encodeURIComponent(endpoint)}`);
      this.saved = `Removed the credentials of ${endpoint}.`;
      this.confirm = '';
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  modeFields() {
    switch (this.mode) {
      case 'PSK':
        return html`<div class="grid">
          <div><label for="sec-identity">PSK identity</label>
            <input id="sec-identity" name="identity" required autocomplete="off"></div>
          <div><label for="sec-key">Key (hex)</label>
            <input id="sec-key" name="key" type="password" required autocomplete="new-password" spellcheck="false"
              pattern="(0x)?([0-9a-fA-F]{2}){1,64}" aria-describedby="sec-key-hint">
            <small id="sec-key-hint">1 to 64 bytes in hex. Sent once, never shown again.</small></div>
        </div>`;
      case 'RPK':
        return html`<label for="sec-public-key">Client's public key</label>
          <textarea id="sec-public-key" name="publicKey" rows="4" required spellcheck="false"
            aria-describedby="sec-public-key-hint"></textarea>
          <small id="sec-public-key-hint">EC secp256r1, DER SubjectPublicKeyInfo as PEM, base64 or hex.</small>`;
      default:
        return html`<label for="sec-cn">Certificate common name (CN)</label>
          <input id="sec-cn" name="commonName" autocomplete="off" aria-describedby="sec-cn-hint">
          <small id="sec-cn-hint">Left empty, the certificate's CN must be the endpoint name. The certificate must
            chain to one of the server's trust anchors.</small>`;
    }
  }

  render() {
    return html`
      <hgroup><h1>Security</h1><p>DTLS credentials per endpoint. Keys are never shown.</p></hgroup>
      ${problemView(this.error)}
      ${this.saved ? html`<p class="ok" role="status">${this.saved}</p>` : ''}
      <div class="overflow-auto">${this.items === null ? html`<p aria-busy="true">Loading…</p>`
        : this.items.length === 0 ? html`<p class="empty">No endpoint has credentials yet.</p>`
          : html`<table class="striped credentials">
            <thead><tr><th scope="col">Endpoint</th><th scope="col">Mode</th><th scope="col">Identity</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>${this.items.map((c) => html`<tr data-endpoint=${c.endpoint}>
              <th scope="row">${c.endpoint}</th><td data-label="Mode">${c.mode}</td>
              <td data-label="Identity"><code class="identity">${c.identity}</code></td>
              <td>${this.confirm === c.endpoint ? html`<button type="button" class="contrast small"
                  data-op="confirm-remove" @click=${() => this.removeCredentials(c.endpoint)}>
                  Remove ${c.endpoint}'s credentials</button> <button type="button" class="secondary outline small"
                  @click=${() => { this.confirm = ''; }}>Keep</button>`
                : html`<button type="button" class="secondary outline small" data-op="remove"
                  @click=${() => { this.confirm = c.endpoint; }}>Remove…</button>`}</td>
            </tr>`)}</tbody></table>`}</div>
      <article>
        <form class="add-credentials" @submit=${this.add}>
          <h2>Add or replace credentials</h2>
          <div class="grid">
            <div><label for="sec-endpoint">Endpoint</label>
              <input id="sec-endpoint" name="endpoint" required autocomplete="off"></div>
            <div><label for="sec-mode">Security mode</label>
              <select id="sec-mode" @change=${(e) => { this.mode = e.target.value; }}>
                ${MODES.map(([v, label]) => html`<option value=${v} ?selected=${v === this.mode}>${label}</option>`)}
              </select></div>
          </div>
          ${this.modeFields()}
          <button type="submit" data-op="add-credentials" aria-busy=${this.busy ? 'true' : 'false'}>
            Save credentials</button>
        </form>
      </article>`;
  }
}

customElements.define('wisp-security', WispSecurity);
