// The console's shell: navigation, the token prompt, and the page for the current address (hash routes, so the
// server only serves one page):
//   #/clients            the live client list          #/clients/<ep>     one client
//   #/objects            the object definitions        #/objects/<id>     one definition (?version=)
//   #/editor             a new object definition       #/editor/<id>      a copy of a known one to edit
//   #/bootstrap          configurations and sessions    #/bootstrap/<ep>   one configuration (new: a new one)
//   #/bootstrap-default  the configuration of endpoints without their own
//   #/security           DTLS credentials per endpoint

import { html } from 'lit';
import { Light, focusHeading } from './base.js';
import { token } from './api.js';
import './clients.js';
import './client.js';
import './objects.js';
import './editor.js';
import './bootstrap.js';
import './security.js';

const SECTIONS = [
  ['clients', 'Clients'],
  ['objects', 'Objects'],
  ['bootstrap', 'Bootstrap'],
  ['security', 'Security'],
];

/** {section, id, query} from location.hash. */
export function route(hash = location.hash) {
  const [path, queryText = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section = 'clients', ...rest] = path.split('/');
  return {
    section: section || 'clients',
    id: rest.length ? decodeURIComponent(rest.join('/')) : '',
    query: new URLSearchParams(queryText),
  };
}

class WispConsole extends Light {
  static properties = {
    route: { state: true },
    askToken: { state: true },
  };

  constructor() {
    super();
    this.route = route();
    this.askToken = false;
    this.onHash = () => {
      this.route = route();
      this.updateComplete.then(() => focusHeading(this.querySelector('main')));
    };
    this.onUnauthorized = () => {
      this.askToken = true;
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('wisp-unauthorized', this.onUnauthorized);
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('wisp-unauthorized', this.onUnauthorized);
    super.disconnectedCallback();
  }

  saveToken(event) {
    event.preventDefault();
    token.set(new FormData(event.target).get('token') || '');
    this.askToken = false;
    location.reload();
  }

  page() {
    const { section, id, query } = this.route;
    switch (section) {
      case 'clients':
        return id ? html`<wisp-client .endpoint=${id}></wisp-client>` : html`<wisp-clients></wisp-clients>`;
      case 'objects':
        return id ? html`<wisp-object-view .objectId=${id} .version=${query.get('version') || ''}></wisp-object-view>`
          : html`<wisp-objects></wisp-objects>`;
      case 'editor':
        return html`<wisp-object-editor .sourceId=${id} .sourceVersion=${query.get('version') || ''}>
          </wisp-object-editor>`;
      case 'bootstrap':
        return html`<wisp-bootstrap .configId=${id}></wisp-bootstrap>`;
      case 'bootstrap-default':
        return html`<wisp-bootstrap .configId=${''} .isDefault=${true}></wisp-bootstrap>`;
      case 'security':
        return html`<wisp-security></wisp-security>`;
      default:
        return html`<h1>Not found</h1><p>There is no page <code>${location.hash}</code>.
          <a href="#/clients">Go to the clients</a>.</p>`;
    }
  }

  render() {
    const aliases = { editor: 'objects', 'bootstrap-default': 'bootstrap' };
    const current = aliases[this.route.section] || this.route.section;
    return html`
      <header class="container-fluid">
        <nav aria-label="Main">
          <ul><li><a href="#/clients" class="brand"><strong>Wisp</strong></a></li></ul>
          <ul>
            ${SECTIONS.map(([key, label]) => html`<li><a href="#/${key}"
              aria-current=${current === key ? 'page' : 'false'}>${label}</a></li>`)}
          </ul>
        </nav>
      </header>
      ${this.askToken ? html`<section class="container-fluid token">
        <form @submit=${this.saveToken}>
          <label for="api-token">This server needs its API token (printed when it first started off loopback)</label>
          <fieldset role="group">
            <input id="api-token" name="token" type="password" autocomplete="off" required>
            <button type="submit">Use token</button>
          </fieldset>
        </form></section>` : ''}
      <main id="main" class="container-fluid">${this.page()}</main>`;
  }
}

customElements.define('wisp-console', WispConsole);
