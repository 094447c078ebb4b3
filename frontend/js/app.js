// SLB Doctor browser helpers. Loaded with "defer" on every page; no inline scripts (CSP).
(function () {
  'use strict';

  /** fetch() for same-origin API calls from the UI session: adds the CSRF header and JSON defaults. */
  function apiFetch(url, options) {
    const opts = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      opts.headers[header.content] = token.content;
    }
    if (opts.body && typeof opts.body !== 'string' && !(opts.body instanceof FormData)) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.body);
    }
    opts.headers.Accept = opts.headers.Accept || 'application/json';
    return fetch(url, opts);
  }

  /** Buttons or forms with data-confirm="text" ask before submitting (e.g. removing an instance). */
  document.addEventListener('submit', function (event) {
    const form = event.target;
    const message = form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  window.SlbDoctor = { apiFetch: apiFetch };
})();
