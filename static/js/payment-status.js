// The result page while an order is being confirmed: ask the portal every 2 s and reload once the order is final.
// No inline script (the CSP forbids it); the page works without this file too (refresh link).
(function () {
  var page = document.getElementById('payment-result');
  if (!page || page.getAttribute('data-pending') !== 'true') {
    return;
  }
  var url = page.getAttribute('data-status-url');
  var tries = 0;
  function check() {
    tries += 1;
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && answer.final) {
          window.location.reload();
        } else if (tries < 450) {
          window.setTimeout(check, 2000);
        }
      })
      .catch(function () { if (tries < 450) { window.setTimeout(check, 4000); } });
  }
  window.setTimeout(check, 1000);
}());
