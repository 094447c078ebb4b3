// SLB Doctor form helpers: copy buttons, drag-and-drop upload, busy state on long submissions.
// Loaded with "defer" by the pages that need it; no inline scripts (CSP).
(function () {
  'use strict';

  /** <button data-copy="element-id" data-copied-text="Copied">: copies the element's text. */
  document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    const source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    const text = source.textContent;
    const done = function () {
      const original = button.textContent;
      button.textContent = button.getAttribute('data-copied-text') || original;
      setTimeout(function () { button.textContent = original; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
    } else {
      selectText(source);
      try { document.execCommand('copy'); done(); } catch (e) { /* the text stays selected */ }
    }
  });

  function selectText(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /** [data-drop-zone] containing an <input type=file>: dropping a file puts it into the input. */
  document.querySelectorAll('[data-drop-zone]').forEach(function (zone) {
    const input = zone.querySelector('input[type=file]');
    const label = zone.querySelector('[data-file-name]');
    const show = function () {
      if (label) {
        label.textContent = input.files && input.files.length ? input.files[0].name + ' (' + input.files[0].size + ' B)' : '';
      }
    };
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add('dragover');
      });
    });
    ['dragleave', 'dragend', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('dragover'); });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        show();
      }
    });
    input.addEventListener('change', show);
  });

  /** Forms marked data-busy: one submission only, and the progress note shows while the server works. */
  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (event.defaultPrevented || !form.hasAttribute('data-busy')) {
      return;
    }
    if (form.classList.contains('busy')) {
      event.preventDefault();
      return;
    }
    form.classList.add('busy');
    form.querySelectorAll('button[type=submit]').forEach(function (b) {
      b.setAttribute('aria-disabled', 'true');
      const busy = b.getAttribute('data-busy-text');
      if (busy) {
        b.textContent = busy;
      }
    });
  });
})();
