// Typed input: checks what a person typed against the resource's data type (Core TS Appendix C) and its range as
// the server read it (the `range` of GET /api/v1/models/{id}), before anything is sent. A value that passes becomes
// a JSON text fragment, so 64-bit integers stay exact (a JavaScript number would round them).

const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 63n - 1n;
const UINT_MAX = 2n ** 64n - 1n;

/** What to type, per data type: shown as a hint under the field. */
export const HINTS = {
  STRING: 'Text.',
  INTEGER: 'A whole number (64-bit signed).',
  UNSIGNED_INTEGER: 'A whole number from 0 (64-bit unsigned).',
  FLOAT: 'A number, e.g. 21.5 or -1e3.',
  BOOLEAN: 'true or false.',
  OPAQUE: 'Bytes in base64, e.g. AQID.',
  TIME: 'An ISO-8601 time such as 2026-01-05T10:00:00Z, or seconds since 1970.',
  OBJLNK: 'An object link objectID:instanceID, e.g. 3:0.',
  CORELNK: 'CoRE links, e.g. </3/0>.',
};

function fail(error) {
  return { ok: false, error };
}

function pass(json) {
  return { ok: true, json };
}

/**
 * Checks `text` for a value of `type` within `range` (may be undefined). Returns {ok: true, json} with the JSON text
 * of the value, or {ok: false, error} saying in words what is wrong.
 */
export function parseValue(type, text, range) {
  const t = text ?? '';
  switch (type) {
    case 'INTEGER':
      return integer(t, INT_MIN, INT_MAX, range, 'a whole number');
    case 'UNSIGNED_INTEGER':
      return integer(t, 0n, UINT_MAX, range, 'a whole number from 0');
    case 'FLOAT': {
      const s = t.trim();
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
        return fail(`Enter a number such as 21.5; "${t}" is not one.`);
      }
      const v = Number(s);
      if (!Number.isFinite(v)) {
        return fail(`${s} is too large for a 64-bit float.`);
      }
      const outside = numberRange(range, (min, max) => Number(min) <= v && v <= Number(max));
      return outside ? fail(`${s} is outside the allowed values ${outside}.`) : pass(JSON.stringify(v));
    }
    case 'BOOLEAN':
      if (t === 'true' || t === 'false') {
        return pass(t);
      }
      return fail('Choose true or false.');
    case 'OPAQUE': {
      const s = t.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
        return fail('Enter the bytes in base64 (A–Z, a–z, 0–9, + and /, padded with = to a multiple of 4).');
      }
      const bytes = s.length / 4 * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
      const bad = lengthRange(range, bytes);
      return bad ? fail(`${bytes} bytes is not an allowed length (${bad}).`) : pass(JSON.stringify(s));
    }
    case 'TIME': {
      const s = t.trim();
      if (/^[+-]?\d+$/.test(s)) {
        return integer(s, INT_MIN, INT_MAX, range, 'seconds since 1970');
      }
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) || Number.isNaN(Date.parse(s))) {
        return fail(`Enter a time such as 2026-01-05T10:00:00Z or seconds since 1970; "${t}" is neither.`);
      }
      return pass(JSON.stringify(s));
    }
    case 'OBJLNK': {
      const m = /^\s*(\d{1,5}):(\d{1,5})\s*$/.exec(t);
      if (!m || Number(m[1]) > 65535 || Number(m[2]) > 65535) {
        return fail('Enter an object link objectID:instanceID, each 0..65535, e.g. 3:0.');
      }
      return pass(JSON.stringify(`${Number(m[1])}:${Number(m[2])}`));
    }
    case 'STRING': {
      if (range && range.kind === 'strings' && !range.values.includes(t)) {
        return fail(`Choose one of ${range.text}.`);
      }
      const bytes = new TextEncoder().encode(t).length;
      const bad = lengthRange(range, bytes);
      return bad ? fail(`${bytes} bytes of text is not an allowed length (${bad}).`) : pass(JSON.stringify(t));
    }
    case 'CORELNK':
      return pass(JSON.stringify(t));
    default:
      return fail(`Values of type ${type} cannot be written.`);
  }
}

function integer(text, min, max, range, what) {
  const s = text.trim();
  if (!/^[+-]?\d+$/.test(s)) {
    return fail(`Enter ${what}; "${text}" is not one.`);
  }
  const v = BigInt(s);
  if (v < min || v > max) {
    return fail(`${s} is outside ${min}..${max}, what this type holds.`);
  }
  const outside = numberRange(range, (lo, hi) => wholeAtMost(lo, v, true) && wholeAtMost(hi, v, false));
  return outside ? fail(`${s} is outside the allowed values ${outside}.`) : pass(v.toString());
}

/** Whether bound `b` (a decimal string) is <= v (lower) or >= v (upper), exactly. */
function wholeAtMost(b, v, lower) {
  const [intPart, frac = ''] = b.split('.');
  const whole = BigInt(intPart);
  const hasFraction = /[1-9]/.test(frac);
  if (lower) {
    return hasFraction && !b.startsWith('-') ? whole < v : whole <= v;
  }
  return hasFraction && b.startsWith('-') ? whole > v : whole >= v;
}

/** The range text when the value is outside a `numbers` range, else ''. */
function numberRange(range, inside) {
  if (!range || range.kind !== 'numbers') {
    return '';
  }
  return range.entries.some((e) => inside(e.min, e.max)) ? '' : range.text;
}

/** The range text when a length is outside a `lengths` range, else ''. */
function lengthRange(range, length) {
  if (!range || range.kind !== 'lengths') {
    return '';
  }
  return range.entries.some((e) => Number(e.min) <= length && length <= Number(e.max)) ? '' : range.text;
}

/** The text to show in an input for a current value (for editing it). */
export function inputText(type, value) {
  if (value === undefined || value === null) {
    return '';
  }
  if (type === 'TIME' && typeof value === 'object') {
    return value.iso || String(value.epochSeconds);
  }
  return String(value);
}
