// Refreshes the dynamic 医保码 shown on /code without reloading the page. Plain ES5: WeChat and Alipay webviews
// on older phones. Configuration comes from data attributes (the CSP forbids inline scripts).
(function () {
  var box = document.getElementById('resident-code');
  if (!box || !window.fetch) {
    return;
  }
  var image = document.getElementById('resident-code-image');
  var countdown = document.getElementById('code-countdown');
  // The one live region: told only what a screen-reader user needs to know, never each tick of the countdown.
  var announcement = document.getElementById('code-announcement');
  var url = box.getAttribute('data-refresh-url');
  var left = parseInt(box.getAttribute('data-refresh-seconds'), 10) || 60;
  var loading = false;

  function load() {
    loading = true;
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (code) {
        image.src = code.imageUrl;
        image.setAttribute('data-token', code.token);
        left = code.refreshInSeconds;
        countdown.textContent = String(left);
        announce(box.getAttribute('data-refreshed-text'));
      })
      .catch(function () {
        countdown.textContent = '…';
        // Said once, not again at every retry while the phone stays offline.
        if (!announcement || announcement.textContent !== box.getAttribute('data-failed-text')) {
          announce(box.getAttribute('data-failed-text'));
        }
        left = 5; // signed out or offline: try again shortly
      })
      .then(function () {
        loading = false;
      });
  }

  function announce(text) {
    if (announcement && text && announcement.textContent !== text) {
      announcement.textContent = text;
    } else if (announcement && text) {
      // The same words again (the next refresh): clear first, so that the change is announced.
      announcement.textContent = '';
      setTimeout(function () { announcement.textContent = text; }, 100);
    }
  }

  setInterval(function () {
    if (loading) {
      return;
    }
    left -= 1;
    if (left <= 0) {
      load();
    } else {
      countdown.textContent = String(left);
    }
  }, 1000);
})();
