// EventSource, as workerd has it: https://html.spec.whatwg.org/multipage/server-sent-events.html
// plus workerd's EventSource.from(readableStream). It runs on the public
// APIs only (fetch, ReadableStream readers, TextDecoder, the event classes),
// which the Go side (event_source.go) passes in; the function returns the
// class.
(function (deps) {
  "use strict";
  const { EventTarget, Event, MessageEvent, ErrorEvent, DOMException, ReadableStream, TextDecoder, URL, fetch, setTimeout, clearTimeout, AbortController } = deps;
  const CONNECTING = 0, OPEN = 1, CLOSED = 2;
  const defaultRetry = 2000;
  const kState = Symbol("eventSource");
  const token = {};

  // OpenEvent is the "open" event's class; workerd does not make it a global.
  class OpenEvent extends Event {
    constructor() { super("open"); }
  }

  function aborted(message) {
    return new DOMException(message, "AbortError");
  }

  // parser turns decoded text into events, calling dispatch(type, data, id)
  // for each complete one; the id it reports is the last one seen.
  function parser(state, dispatch) {
    let buffer = "", data = "", type = "", sawBOM = false;
    function line(l) {
      if (l === "") {
        if (data !== "") dispatch(type || "message", data.endsWith("\n") ? data.slice(0, -1) : data);
        data = "";
        type = "";
        return;
      }
      if (l[0] === ":") return;
      const colon = l.indexOf(":");
      let field = l, value = "";
      if (colon >= 0) {
        field = l.slice(0, colon);
        value = l.slice(colon + 1);
        if (value[0] === " ") value = value.slice(1);
      }
      switch (field) {
        case "data": data += value + "\n"; break;
        case "event": type = value; break;
        case "id": if (!value.includes("\0")) state.lastEventId = value; break;
        case "retry": if (/^[0-9]+$/.test(value)) state.retry = Number(value); break;
      }
    }
    return function feed(text) {
      if (!sawBOM && text.length > 0) {
        sawBOM = true;
        if (text[0] === "\uFEFF") text = text.slice(1);
      }
      buffer += text;
      for (;;) {
        const m = /\r\n|\r|\n/.exec(buffer);
        // A lone \r at the end may be half of \r\n: wait for more.
        if (m === null || (m[0] === "\r" && m.index === buffer.length - 1)) break;
        line(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
      }
    };
  }

  class EventSourceImpl extends EventTarget {
    constructor(url, init) {
      super();
      if (arguments.length === 0 || url === undefined) {
        throw new TypeError("Failed to construct 'EventSource': constructor parameter 1 is not of type 'string'.");
      }
      const state = { readyState: CONNECTING, url: "", withCredentials: false, lastEventId: "", retry: defaultRetry,
        fetcher: null, controller: null, timer: null, reader: null, handlers: {} };
      this[kState] = state;
      if (url === token) {
        state.readyState = OPEN;
        return;
      }
      url = String(url);
      let parsed;
      try {
        parsed = new URL(url);
      } catch (e) {
        throw new DOMException("Cannot open an EventSource to '" + url + "'. The URL is invalid.", "SyntaxError");
      }
      state.url = parsed.href;
      state.origin = parsed.origin;
      if (init !== undefined && init !== null) {
        state.withCredentials = !!init.withCredentials;
        if (init.fetcher !== undefined && init.fetcher !== null) state.fetcher = init.fetcher;
      }
      Promise.resolve().then(() => connect(this, state));
    }

    static from(stream) {
      if (!(stream instanceof ReadableStream)) {
        throw new TypeError("Failed to execute 'from' on 'EventSource': parameter 1 is not of type 'JsReadableStream'.");
      }
      const es = new EventSourceImpl(token);
      const state = es[kState];
      state.origin = null;
      Promise.resolve().then(() => readStream(es, state, stream, false));
      return es;
    }

    get url() { return stateOf(this).url; }
    get withCredentials() { return stateOf(this).withCredentials; }
    get readyState() { return stateOf(this).readyState; }

    close() {
      const state = stateOf(this);
      if (state.readyState === CLOSED) return;
      state.readyState = CLOSED;
      stop(state);
    }
  }

  function stateOf(es) {
    const state = es !== null && typeof es === "object" ? es[kState] : undefined;
    if (state === undefined) {
      throw new TypeError("Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.");
    }
    return state;
  }

  function stop(state) {
    if (state.timer !== null) {
      clearTimeout(state.timer);
      state.timer = null;
    }
    if (state.controller !== null) {
      state.controller.abort();
      state.controller = null;
    }
    if (state.reader !== null) {
      state.reader.cancel().catch(() => {});
      state.reader = null;
    }
  }

  function fail(es, state, error, reconnect) {
    if (state.readyState === CLOSED) return;
    state.readyState = reconnect ? CONNECTING : CLOSED;
    es.dispatchEvent(new ErrorEvent("error", { error }));
    if (reconnect && state.readyState === CONNECTING) {
      state.timer = setTimeout(() => {
        state.timer = null;
        connect(es, state);
      }, state.retry);
    }
  }

  async function connect(es, state) {
    if (state.readyState === CLOSED) return;
    const headers = { accept: "text/event-stream", "cache-control": "no-cache" };
    if (state.lastEventId !== "") headers["last-event-id"] = state.lastEventId;
    state.controller = new AbortController();
    let response;
    try {
      const init = { headers, signal: state.controller.signal };
      response = state.fetcher !== null ? await state.fetcher.fetch(state.url, init) : await fetch(state.url, init);
    } catch (e) {
      fail(es, state, e, false);
      return;
    }
    if (state.readyState === CLOSED) return;
    const contentType = response.headers.get("content-type");
    let problem = null;
    if (contentType === null) problem = "No content type header was present in the response.";
    else if (response.status !== 200) problem = "The response status code was " + response.status + ".";
    else if (contentType.split(";")[0].trim().toLowerCase() !== "text/event-stream") problem = "The content type '" + contentType + "' is invalid.";
    if (problem !== null || response.body === null) {
      if (response.body !== null) response.body.cancel().catch(() => {});
      fail(es, state, aborted(problem || "The response has no body."), false);
      return;
    }
    state.readyState = OPEN;
    es.dispatchEvent(new OpenEvent());
    await readStream(es, state, response.body, true);
  }

  async function readStream(es, state, stream, reconnect) {
    const decoder = new TextDecoder();
    const feed = parser(state, (type, data) => {
      if (state.readyState === CLOSED) return;
      const init = { data, lastEventId: state.lastEventId };
      const event = new MessageEvent(type, init);
      // A MessageEvent made in JS has origin "" by default, workerd's
      // EventSource gives its events null.
      if (state.origin === null) Object.defineProperty(event, "origin", { value: null });
      else Object.defineProperty(event, "origin", { value: state.origin });
      es.dispatchEvent(event);
    });
    const reader = stream.getReader();
    state.reader = reader;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || state.readyState === CLOSED) break;
        feed(decoder.decode(value, { stream: true }));
      }
    } catch (e) {
      if (state.readyState !== CLOSED) {
        state.reader = null;
        fail(es, state, e, reconnect);
      }
      return;
    }
    state.reader = null;
    fail(es, state, new Error("The server disconnected."), reconnect);
  }

  // EventSource is a function rather than the class, so that a call without
  // new gets workerd's message.
  function EventSource(url) {
    if (new.target === undefined) {
      throw new TypeError("Failed to construct 'EventSource': Please use the 'new' operator, this object constructor cannot be called as a function.");
    }
    return Reflect.construct(EventSourceImpl, arguments, new.target);
  }
  EventSource.prototype = EventSourceImpl.prototype;
  Object.defineProperty(EventSource, "prototype", { writable: false });
  Object.defineProperty(EventSourceImpl.prototype, "constructor", { value: EventSource, writable: true, configurable: true });
  Object.setPrototypeOf(EventSource, EventTarget);
  Object.defineProperty(EventSource, "from", { value: EventSourceImpl.from, writable: true, configurable: true });

  // The on<type> attributes; EventTarget's dispatch calls them as it calls
  // any on<type> property of its target.
  for (const type of ["open", "message", "error"]) {
    Object.defineProperty(EventSource.prototype, "on" + type, {
      get() { const h = stateOf(this).handlers[type]; return h === undefined ? null : h; },
      set(fn) { stateOf(this).handlers[type] = typeof fn === "function" || (fn !== null && typeof fn === "object") ? fn : null; },
      enumerable: true, configurable: true,
    });
  }
  for (const [name, value] of [["CONNECTING", CONNECTING], ["OPEN", OPEN], ["CLOSED", CLOSED]]) {
    Object.defineProperty(EventSource, name, { value, enumerable: true });
    Object.defineProperty(EventSource.prototype, name, { value, enumerable: true });
  }
  if (typeof Symbol.dispose === "symbol") {
    Object.defineProperty(EventSource.prototype, Symbol.dispose, {
      value: function () { this.close(); }, writable: true, configurable: true,
    });
  }
  Object.defineProperty(EventSource.prototype, Symbol.toStringTag, { value: "EventSource", configurable: true });
  return EventSource;
})
