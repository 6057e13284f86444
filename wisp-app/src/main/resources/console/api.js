// Calls to the Wisp HTTP API (/api/v1, described at /api/v1/openapi.yaml). Problems (RFC 9457) become ApiError
// with the problem document; the API token, when the server needs one, is kept for this browser tab only.

const TOKEN_KEY = 'wisp.apiToken';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) || '',
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value.trim()),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An answer of the API that is not a success: its HTTP status and problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Headers every call sends: the bearer token when one was given. */
export function authHeaders() {
  const t = token.get();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

/**
 * Calls the API and returns {status, body}: the parsed JSON, or the text for other media types. A 4xx or 5xx
 * throws ApiError. `query` is an object of parameters (empty values left out); `body` is sent as JSON unless
 * `text` is given, which is sent as text/plain (or as `contentType`); `rawJson` is a JSON text sent as it is.
 */
export async function call(method, path, { query, body, text, rawJson, contentType } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.append(name, value);
    }
  }
  const headers = { Accept: 'application/json', ...authHeaders() };
  let payload;
  if (rawJson !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = rawJson;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (text !== undefined) {
    headers['Content-Type'] = contentType || 'text/plain; charset=utf-8';
    payload = text;
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, {
      type: 'urn:wisp:problem:unreachable', title: 'The server cannot be reached',
      detail: 'the Wisp server did not answer; is it still running?',
    });
  }
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => ({})) : await response.text();
  if (!response.ok) {
    const problem = typeof parsed === 'object' ? parsed : { title: `HTTP ${response.status}`, detail: parsed };
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('wisp-unauthorized'));
    }
    throw new ApiError(response.status, problem);
  }
  return { status: response.status, body: parsed };
}

/** GET, returning the body only. */
export async function get(path, query) {
  return (await call('GET', path, { query })).body;
}

/** The API path of a client, optionally followed by an LwM2M path ("/3/0/1") and a suffix ("/observe"). */
export function clientPath(endpoint, lwm2mPath = '', suffix = '') {
  return `/api/v1/clients/${encodeURIComponent(endpoint)}${lwm2mPath}${suffix}`;
}

/** Fetches a file from the API and hands it to the browser as a download (works with the bearer token too). */
export async function download(path, fileName) {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ detail: `HTTP ${response.status}` }));
    throw new ApiError(response.status, problem);
  }
  saveBlob(await response.blob(), fileName);
}

/** Offers a blob for download under `fileName`. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
