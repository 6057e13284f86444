// Form fields for typed values: one input per resource or argument, labelled, with the type's hint and the range,
// and the check of values.js shown next to the field before anything is sent.

import { html } from 'lit';
import { HINTS, parseValue } from './values.js';

let counter = 0;

/** A unique id for label/input pairs. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** What the model says about a value: type, range and units, for a hint line. */
export function describeType(def) {
  const parts = [def.type === 'NONE' ? 'no value' : def.type.replace('_', ' ').toLowerCase()];
  if (def.rangeEnumeration) {
    parts.push(`range ${def.rangeEnumeration}`);
  }
  if (def.units) {
    parts.push(`unit ${def.units}`);
  }
  return parts.join(', ');
}

/**
 * A labelled input for a value of `def.type` (a resource or argument definition). `state` is {text, error}; `onInput`
 * gets the new text. Booleans get a select.
 */
export function valueField(id, label, def, state, onInput, { required = false } = {}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = state.error ? 'true' : 'false';
  const input = def.type === 'BOOLEAN'
    ? html`<select id=${id} aria-describedby=${hintId} aria-invalid=${invalid}
        @change=${(e) => onInput(e.target.value)}>
        <option value="" ?selected=${state.text === ''}>${required ? 'Choose…' : '(not sent)'}</option>
        <option value="true" ?selected=${state.text === 'true'}>true</option>
        <option value="false" ?selected=${state.text === 'false'}>false</option>
      </select>`
    : html`<input id=${id} .value=${state.text} aria-describedby="${hintId} ${errorId}"
        aria-invalid=${invalid} autocomplete="off" spellcheck="false"
        @input=${(e) => onInput(e.target.value)}>`;
  return html`<label for=${id}>${label}</label>${input}
    <small id=${hintId}>${HINTS[def.type] || ''} ${describeType(def)}</small>
    ${state.error ? html`<small id=${errorId} class="field-error" role="alert">${state.error}</small>` : ''}`;
}

/** Checks one field's text; an empty optional field passes with no value. */
export function check(def, text, required) {
  if (text === '' && !required) {
    return { ok: true, json: null };
  }
  return parseValue(def.type, text, def.range);
}
