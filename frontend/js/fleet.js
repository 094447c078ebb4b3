// Fleet scan page: follows a running scan by polling its JSON progress once a second.
(function () {
  'use strict';

  const panel = document.querySelector('[data-fleet-scan]');
  if (!panel) {
    return;
  }
  const url = panel.getAttribute('data-fleet-scan');
  const ACTIVE = ['RUNNING', 'CANCELLING'];

  function set(field, value) {
    const el = panel.querySelector('[data-field="' + field + '"]');
    if (el) {
      el.textContent = value === null || value === undefined ? '—' : String(value);
    }
  }

  function render(p) {
    ['done', 'total', 'percent', 'failed', 'incomplete', 'skipped', 'apiCalls', 'callsPerSecond', 'etaSeconds']
      .forEach(function (f) { set(f, p[f]); });
    set('state', panel.getAttribute('data-label-' + p.state.toLowerCase()) || p.state);
    const bar = panel.querySelector('[data-field="bar"]');
    if (bar) {
      bar.max = p.total === 0 ? 1 : p.total;
      bar.value = p.total === 0 ? 1 : p.done + p.skipped;
    }
    const list = panel.querySelector('[data-field="failures"]');
    if (list) {
      list.replaceChildren.apply(list, p.failures.map(function (f) {
        const li = document.createElement('li');
        li.textContent = f.loadBalancerId + ': ' + f.message; // textContent: messages are never markup
        return li;
      }));
    }
    if (ACTIVE.indexOf(p.state) < 0) {
      const cancel = panel.querySelector('[data-field="cancel"]');
      if (cancel) {
        cancel.hidden = true;
      }
      const start = document.querySelector('[data-testid="fleet-start-form"] button');
      if (start) {
        start.disabled = false;
      }
    }
    panel.setAttribute('data-state', p.state);
  }

  function poll() {
    window.SlbDoctor.apiFetch(url).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.json();
    }).then(function (p) {
      render(p);
      if (ACTIVE.indexOf(p.state) >= 0) {
        window.setTimeout(poll, 1000);
      }
    }).catch(function () {
      window.setTimeout(poll, 5000);
    });
  }

  if (ACTIVE.indexOf(panel.getAttribute('data-state')) >= 0) {
    window.setTimeout(poll, 1000);
  }
})();
