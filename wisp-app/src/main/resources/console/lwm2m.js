// LwM2M facts the console shows in plain words: response codes (Core TS §6 and RFC 7252 §12.1.2), problems of the
// API, nodes of the object tree and their values.

const CODES = {
  '2.01': ['Created', 'the device created it'],
  '2.02': ['Deleted', 'the device deleted it'],
  '2.04': ['Changed', 'the device accepted the change'],
  '2.05': ['Content', 'the device answered with the value'],
  '2.31': ['Continue', 'the device waits for the next block'],
  '4.00': ['Bad Request', 'the device could not understand the request'],
  '4.01': ['Unauthorized', 'the device does not allow this server to do that'],
  '4.02': ['Bad Option', 'the device did not accept an option of the request'],
  '4.03': ['Forbidden', 'the device forbids this operation'],
  '4.04': ['Not Found', 'the device has no such object, instance or resource'],
  '4.05': ['Method Not Allowed', 'the device does not allow this operation on this node'],
  '4.06': ['Not Acceptable', 'the device cannot answer in the requested content format'],
  '4.08': ['Request Entity Incomplete', 'the device did not get every block of the request'],
  '4.09': ['Conflict', 'the request conflicts with the device\'s state'],
  '4.12': ['Precondition Failed', 'the device refused because a precondition failed'],
  '4.13': ['Request Entity Too Large', 'the request is too large for the device'],
  '4.15': ['Unsupported Content Format', 'the device cannot read the format the value was sent in'],
  '5.00': ['Internal Server Error', 'the device failed while handling the request'],
  '5.01': ['Not Implemented', 'the device does not implement this operation'],
  '5.03': ['Service Unavailable', 'the device is busy; try again later'],
};

/** "4.04 Not Found". */
export function codeName(code) {
  return CODES[code] ? `${code} ${CODES[code][0]}` : code;
}

/** What a response code means, in words. */
export function codeMeaning(code) {
  return CODES[code] ? CODES[code][1] : `the device answered ${code}`;
}

const PROBLEMS = {
  'device-timeout': 'The device did not answer in time.',
  'unknown-endpoint': 'No client is registered under this name any more.',
  'unsupported-by-client': 'The client did not announce support for this (for example the content format).',
  'invalid-device-response': 'The device answered, but its answer could not be understood.',
  'device-rejected': 'The device rejected the request (CoAP Reset).',
  'send-failed': 'The request could not be sent to the device.',
  'queue-full': 'The client is asleep and its request queue is full.',
  'queue-expired': 'The client did not wake up in time; the queued request was dropped.',
  'request-cancelled': 'The queued request was cancelled.',
  'registration-ended': 'The client\'s registration ended before the request could be sent.',
  'bad-request': 'The request was not valid.',
  'unauthorized': 'The server needs the API token.',
  'not-found': 'It does not exist (any more).',
  'unreachable': 'The Wisp server cannot be reached.',
  'identity-taken': 'Another endpoint already uses this identity; one identity names one client.',
  'no-bootstrap-server': 'This server runs without a Bootstrap-Server.',
  'models-fixed': 'This server\'s object definitions are fixed; add DDF files when starting it.',
};

/**
 * A problem in plain words: {headline, detail, code}. A device's error code leads ("The device refused: it has no
 * such object, instance or resource — LwM2M 4.04 Not Found"); other problems say what went wrong.
 */
export function describeProblem(problem) {
  const p = problem || {};
  const kind = (p.type || '').split(':').pop();
  if (p.lwm2mCode) {
    return {
      headline: `The device refused: ${codeMeaning(p.lwm2mCode)}.`,
      code: `LwM2M ${codeName(p.lwm2mCode)}`,
      detail: p.detail || '',
    };
  }
  const headline = PROBLEMS[kind] || p.title || 'The request failed.';
  const field = p.field ? ` (${p.field})` : '';
  return { headline, code: '', detail: `${p.detail || ''}${field}` };
}

/**
 * Flattens a node read at `path` (or carried by a notification) into {path: value} for every resource and resource
 * instance below it; a multiple resource also gets its values object at its own path.
 */
export function flatten(path, node, out = new Map()) {
  if (!node || typeof node !== 'object') {
    return out;
  }
  switch (node.kind) {
    case 'object':
      for (const [id, instance] of Object.entries(node.instances || {})) {
        flatten(`${path}/${id}`, instance, out);
      }
      break;
    case 'instance':
      for (const [id, resource] of Object.entries(node.resources || {})) {
        flatten(`${path}/${id}`, resource, out);
      }
      break;
    case 'resource':
    case 'resourceInstance':
      out.set(path, { type: node.type, value: node.value });
      break;
    case 'multiple':
      out.set(path, { type: node.type, values: node.values || {} });
      for (const [id, value] of Object.entries(node.values || {})) {
        out.set(`${path}/${id}`, { type: node.type, value });
      }
      break;
    default:
      break;
  }
  return out;
}

/** A value as text: times in ISO-8601, objlnk as o:i, opaque as base64 (shortened). */
export function formatValue(entry) {
  if (!entry) {
    return '';
  }
  if (entry.values) {
    return Object.entries(entry.values).map(([id, v]) => `[${id}] ${formatScalar(entry.type, v)}`).join(', ');
  }
  return formatScalar(entry.type, entry.value);
}

function formatScalar(type, value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (type === 'TIME' && typeof value === 'object') {
    return value.iso || String(value.epochSeconds);
  }
  if (type === 'OPAQUE' && typeof value === 'string' && value.length > 48) {
    return `${value.slice(0, 44)}… (base64)`;
  }
  return String(value);
}

/** Whether values of this type can be plotted. */
export function isNumeric(type) {
  return type === 'INTEGER' || type === 'UNSIGNED_INTEGER' || type === 'FLOAT';
}

/** The depth of an LwM2M path: 1 object, 2 instance, 3 resource, 4 resource instance. */
export function depth(path) {
  return path.split('/').filter(Boolean).length;
}

/** Relative time for people ("12 s ago", "3 min ago"), from an ISO-8601 string or epoch milliseconds. */
export function ago(time, now = Date.now()) {
  const t = typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(t)) {
    return '';
  }
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) {
    return `${s} s ago`;
  }
  if (s < 3600) {
    return `${Math.floor(s / 60)} min ago`;
  }
  if (s < 86400) {
    return `${Math.floor(s / 3600)} h ago`;
  }
  return `${Math.floor(s / 86400)} d ago`;
}

/** A local date and time for a title attribute. */
export function when(time) {
  const t = typeof time === 'number' ? time : Date.parse(time);
  return Number.isFinite(t) ? new Date(t).toLocaleString() : '';
}
