// The base of every console element: Lit rendering into the light DOM, so that Pico CSS styles the page as a
// whole, and the shared way of showing a failure.

import { LitElement, html } from 'lit';
import { describeProblem } from './lwm2m.js';

export class Light extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/** A failure (ApiError or any error) in plain words, as an alert. */
export function problemView(error) {
  if (!error) {
    return '';
  }
  const d = describeProblem(error.problem || { detail: error.message });
  return html`<div class="problem" role="alert">
    <strong>${d.headline}</strong>
    ${d.code ? html` <span class="code">${d.code}</span>` : ''}
    ${d.detail ? html`<br><small>${d.detail}</small>` : ''}
  </div>`;
}

/** Moves keyboard focus to the page's main heading after a navigation. */
export function focusHeading(root) {
  const h = root.querySelector('h1, h2');
  if (h) {
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: false });
  }
}
