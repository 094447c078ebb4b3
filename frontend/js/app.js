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

  /**
   * Long-running form posts ("Run diagnosis", "Register all demo instances"): forms marked
   * data-run-form or data-progress are submitted once; the button is disabled, shows a spinner and
   * the status line says what is happening. The server refuses a second run anyway (RunGuard).
   */
  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (event.defaultPrevented || !(form.hasAttribute('data-run-form') || form.hasAttribute('data-progress'))) {
      return;
    }
    if (form.getAttribute('data-submitted') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitted', 'true');
    form.classList.add('is-busy');
    form.setAttribute('aria-busy', 'true');
    const status = form.querySelector('[data-run-status]');
    if (status && status.getAttribute('data-busy-text')) {
      status.textContent = status.getAttribute('data-busy-text');
    }
    // disable after the submission has been taken, or the browser would drop it
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.disabled = true;
        if (button.getAttribute('data-busy-text')) {
          button.textContent = button.getAttribute('data-busy-text');
        }
      });
    }, 0);
  });

  // Coming back with the browser's Back button restores a page from its cache with the form still busy.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll('form[data-submitted]').forEach(function (form) {
      form.removeAttribute('data-submitted');
      form.removeAttribute('aria-busy');
      form.classList.remove('is-busy');
      form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = false; });
    });
  });

  window.SlbDoctor = { apiFetch: apiFetch };
})();
