/* crisismap — live.js
   Progressive enhancement only: every page works without this file.
   CSP-safe: no inline handlers, no eval; the only parsed HTML is our own same-origin page. */
(function () {
  'use strict';

  const en = /^en\b/i.test(document.documentElement.lang || '');
  const T = en
    ? { news: 'New information is available.', refresh: 'Refresh', updated: 'Updated at',
        expired: 'Your session has ended. Reload the page to log in again.' }
    : { news: 'Er is nieuwe informatie.', refresh: 'Vernieuwen', updated: 'Bijgewerkt om',
        expired: 'Uw sessie is verlopen. Vernieuw de pagina om opnieuw in te loggen.' };

  // Print buttons (delegated, so they keep working after a live refresh).
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-print]') : null;
    if (el) { e.preventDefault(); window.print(); }
  });

  // Confirmation before submitting destructive forms.
  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-confirm') &&
        !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
    }
  });

  // On a narrow screen the row of tabs scrolls: bring the current tab into view.
  const tabs = document.querySelector('.tabs ul');
  const current = tabs && tabs.querySelector('[aria-current="page"]');
  if (current && tabs.scrollWidth > tabs.clientWidth) {
    tabs.scrollLeft = current.offsetLeft - tabs.offsetLeft - 16;
  }

  // On a phone a data table reads as a card per row: each cell gets its column's name, and the
  // table keeps its roles for screen readers when the stylesheet lays it out as blocks.
  function cardTables(root) {
    root.querySelectorAll('table.data').forEach((table) => {
      const heads = Array.from(table.querySelectorAll('thead th'), (th) => th.textContent.trim());
      if (!heads.length || table.hasAttribute('data-cards')) return;
      table.setAttribute('role', 'table');
      table.querySelectorAll('thead, tbody').forEach((g) => g.setAttribute('role', 'rowgroup'));
      table.querySelectorAll('tr').forEach((tr) => {
        tr.setAttribute('role', 'row');
        const body = tr.parentElement && tr.parentElement.tagName !== 'THEAD';
        let col = 0;
        Array.from(tr.children).forEach((cell) => {
          const header = cell.tagName === 'TH';
          cell.setAttribute('role', header ? (body ? 'rowheader' : 'columnheader') : 'cell');
          if (body && !header && heads[col]) cell.setAttribute('data-label', heads[col]);
          col += cell.colSpan || 1;
        });
      });
      table.setAttribute('data-cards', '');
    });
  }
  cardTables(document);

  // Move focus to the error summary so screen reader users hear the errors first.
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();

  // ---- Live updates ----
  const main = document.querySelector('main[data-live-stream]');
  if (!main || !window.EventSource || !window.fetch || !window.DOMParser) return;
  const streamId = main.getAttribute('data-live-stream') || '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(streamId)) return;

  let source = null, timer = 0, dirty = false, busy = false, again = false, ended = false;
  let notice = null, noticeAction = null, pendingWhileHidden = false;
  const pad = (n) => String(n).padStart(2, '0');

  function connect() {
    source = new EventSource('/live/' + streamId);
    source.addEventListener('message', schedule);
    source.addEventListener('change', schedule);
    // A closed stream (e.g. 401) is not retried by the browser: check the page once.
    source.addEventListener('error', () => { if (source.readyState === EventSource.CLOSED) schedule(); });
  }

  // Debounce bursts of events.
  function schedule() { clearTimeout(timer); timer = setTimeout(update, 300); }

  // Editing = a form control in main has focus, or a form in main was changed.
  function editing() {
    const a = document.activeElement;
    return dirty || !!(a && main.contains(a) && a.matches(
      'textarea, select, [contenteditable="true"], input:not([type="button"]):not([type="submit"]):not([type="reset"])'));
  }

  function update() {
    if (ended) return;
    if (document.hidden) { pendingWhileHidden = true; return; }
    if (editing()) showNotice(T.news, () => { dirty = false; refresh(true); });
    else refresh(false);
  }

  function refresh(fromNotice) {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.href, { credentials: 'same-origin', cache: 'no-store', headers: { 'X-Requested-With': 'live' } })
      .then((res) => {
        const path = res.url ? new URL(res.url, location.href).pathname : '';
        if (res.status === 401 || path.endsWith('/inloggen')) { endSession(); return null; }
        const type = res.headers.get('Content-Type') || '';
        return res.ok && type.includes('text/html') ? res.text() : null;
      })
      .then((html) => { if (html !== null) apply(html, fromNotice); })
      .catch(() => { /* offline: keep showing the current content */ })
      .finally(() => { busy = false; if (again) { again = false; schedule(); } });
  }

  function apply(html, fromNotice) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const fresh = doc.querySelector('main');
    if (!fresh) return;
    const active = document.activeElement;
    const focusId = active && main.contains(active) ? active.id : '';
    main.replaceChildren(...Array.from(fresh.childNodes, (n) => document.importNode(n, true)));
    cardTables(main);
    if (doc.title) document.title = doc.title;
    dirty = false;
    hideNotice();
    const keep = focusId && document.getElementById(focusId);
    if (keep) keep.focus({ preventScroll: true });
    else if (fromNotice) focusHeading();
    setStatus();
  }

  // Focus lands here when the notice button that had focus disappears.
  function focusHeading() {
    const h = main.querySelector('h1') || main;
    if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: true });
  }

  function setStatus() {
    let status = main.querySelector('.live-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'live-status';
      main.prepend(status);
    }
    status.setAttribute('aria-live', 'polite');
    const d = new Date();
    const text = T.updated + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
    // Set the text after insertion so screen readers announce the change.
    setTimeout(() => { status.textContent = text; }, 100);
  }

  function showNotice(text, action) {
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'live-notice';
      notice.setAttribute('role', 'status');
      const msg = document.createElement('p');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = T.refresh;
      button.addEventListener('click', () => { if (noticeAction) noticeAction(); });
      notice.append(msg, button);
      main.after(notice);
    }
    noticeAction = action;
    notice.hidden = false;
    const msg = notice.querySelector('p');
    if (msg.textContent !== text) setTimeout(() => { msg.textContent = text; }, 50);
  }

  function hideNotice() { if (notice && !ended) notice.hidden = true; }

  function endSession() {
    ended = true;
    clearTimeout(timer);
    if (source) source.close();
    showNotice(T.expired, () => location.reload());
  }

  // Any typing or change inside main marks the page as being edited.
  main.addEventListener('input', () => { dirty = true; });
  main.addEventListener('change', () => { dirty = true; });

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && pendingWhileHidden) { pendingWhileHidden = false; update(); }
  });
  window.addEventListener('pagehide', () => { if (source) source.close(); });
  window.addEventListener('pageshow', (e) => { if (e.persisted && !ended) { connect(); schedule(); } });

  connect();
})();
