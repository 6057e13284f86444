// The live event stream of GET /api/v1/events (Server-Sent Events), read with fetch so that the API token can be
// sent as a header (EventSource cannot send headers). Reconnects after a pause when the stream breaks.

import { authHeaders } from './api.js';

const RETRY_MS = 2000;

export class EventStream {
  /** `endpoints`: only events about these clients (all when empty). `onStatus(connected)` follows the link. */
  constructor(endpoints = [], onStatus = () => {}) {
    this.endpoints = endpoints;
    this.onStatus = onStatus;
    this.handlers = new Map();
    this.abort = null;
    this.stopped = true;
    this.held = null;
  }

  /** Calls `handler(data)` for every event named `type` ('*' for all). */
  on(type, handler) {
    if (!this.handlers.has(type)) {
      this.handlers.set(type, []);
    }
    this.handlers.get(type).push(handler);
    return this;
  }

  /**
   * Holds events back while `work` (a load of the state they change) runs, then delivers them in order: an event
   * that arrives while the state is being fetched is applied to the fetched state, not lost before it.
   */
  async holdDuring(work) {
    this.held = [];
    try {
      await work();
    } finally {
      const held = this.held;
      this.held = null;
      held.forEach(([name, text]) => this.dispatch(name, text));
    }
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    if (this.abort) {
      this.abort.abort();
    }
    clearTimeout(this.retry);
  }

  async connect() {
    if (this.stopped) {
      return;
    }
    const url = new URL('/api/v1/events', location.origin);
    this.endpoints.forEach((e) => url.searchParams.append('endpoint', e));
    this.abort = new AbortController();
    try {
      const response = await fetch(url, {
        headers: { Accept: 'text/event-stream', ...authHeaders() },
        signal: this.abort.signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) {
        throw new Error(`HTTP ${response.status}`);
      }
      this.onStatus(true);
      await this.read(response.body.pipeThrough(new TextDecoderStream()).getReader());
    } catch (e) {
      // the stream broke or was stopped; retried below unless stopped
    }
    this.onStatus(false);
    if (!this.stopped) {
      this.retry = setTimeout(() => this.connect(), RETRY_MS);
    }
  }

  /** Reads `event:` / `data:` lines; a blank line ends an event (the SSE format of the HTML standard). */
  async read(reader) {
    let buffer = '';
    let name = 'message';
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r?\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
        if (line === '') {
          if (data.length) {
            this.dispatch(name, data.join('\n'));
          }
          name = 'message';
          data = [];
        } else if (line.startsWith(':')) {
          continue;
        } else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') {
            name = text;
          } else if (field === 'data') {
            data.push(text);
          }
        }
      }
    }
  }

  dispatch(name, text) {
    if (this.held) {
      this.held.push([name, text]);
      return;
    }
    let data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return;
    }
    for (const handler of [...(this.handlers.get(name) || []), ...(this.handlers.get('*') || [])]) {
      handler(data, name);
    }
  }
}
