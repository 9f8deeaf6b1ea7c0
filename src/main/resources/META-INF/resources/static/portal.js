// The portal's only script, and optional: every page works without it. It adds what a browser cannot
// do from HTML alone: copy a list to the clipboard, filter a table as one types, and follow a running
// catalog publication. CSP allows scripts from this origin only ('self'), so nothing here is inline.
(function () {
  'use strict';

  // <button data-copy="id-of-a-textarea" data-copied="Copied">: the textarea's text to the clipboard
  function copy(button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    var text = source.value !== undefined ? source.value : source.textContent;
    var label = button.textContent;
    function done() {
      button.textContent = button.getAttribute('data-copied') || label;
      button.classList.add('copied');
      setTimeout(function () { button.textContent = label; button.classList.remove('copied'); }, 2500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(source, done); });
    } else {
      fallback(source, done);
    }
  }

  // no Clipboard API (a page served over plain HTTP to another host): select the text and copy it
  function fallback(source, done) {
    source.hidden = false;
    source.select();
    try {
      if (document.execCommand('copy')) { done(); }
    } catch (e) { /* the text stays shown and selected: the person copies it */ }
  }

  // <input data-filter="selector of rows">: hides the rows whose text does not contain what is typed
  function filter(input) {
    var term = input.value.trim().toLowerCase();
    var rows = document.querySelectorAll(input.getAttribute('data-filter'));
    rows.forEach(function (row) {
      row.hidden = term !== '' && row.textContent.toLowerCase().indexOf(term) < 0;
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (button) { event.preventDefault(); copy(button); }
  });
  document.addEventListener('input', function (event) {
    if (event.target.matches('[data-filter]')) { filter(event.target); }
  });

  // the viewer's time zone, for the times pages show (ViewerZone); the language's zone until it is known
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('portal-tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'portal-tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) { /* no Intl: the language's zone */ }

  // <div data-refresh="seconds">: a page that follows something running reloads itself while it runs
  var refresh = document.querySelector('[data-refresh]');
  if (refresh) {
    setTimeout(function () { window.location.reload(); }, 1000 * Number(refresh.getAttribute('data-refresh')));
  }
})();
