// Pages whose server APIs do not exist yet: they say so, and show no made-up data.

import { html } from 'lit';
import { Light } from './base.js';

const PAGES = {
  bootstrap: {
    title: 'Bootstrap',
    text: 'Bootstrap configurations (listed, edited and checked by the validator) and the recent bootstrap sessions '
      + 'with their outcome will be shown here once the server offers the bootstrap API (/api/v1/bootstrap).',
  },
  security: {
    title: 'Security',
    text: 'Credentials per endpoint (adding PSK, RPK and X.509 credentials, removing them; keys are never shown) '
      + 'will be managed here once the server offers the security API (/api/v1/security).',
  },
};

class WispPlaceholder extends Light {
  static properties = { section: { type: String } };

  constructor() {
    super();
    this.section = '';
  }

  render() {
    const page = PAGES[this.section];
    return html`<h1>${page.title}</h1>
      <article class="placeholder" data-placeholder=${this.section}>
        <p><strong>Not available yet.</strong> ${page.text}</p>
      </article>`;
  }
}

customElements.define('wisp-placeholder', WispPlaceholder);
