// 异地备案 forms, made easier where JavaScript runs (phone browsers, WeChat and Alipay webviews); both forms work
// without it, the server checking everything again. No inline script (the CSP forbids it); plain ES5, no framework.
(function () {
  'use strict';

  // The destination: choose the province, then only that province's cities are offered. Without this script every
  // city is listed under its province and the server refuses a city that is not in the chosen province.
  var province = document.getElementById('province');
  var city = document.getElementById('destination');
  if (province && city) {
    var groups = [];
    var all = city.getElementsByTagName('optgroup');
    for (var g = 0; g < all.length; g++) {
      groups.push(all[g]);
    }
    var placeholder = city.options.length > 0 && city.options[0].value === '' ? city.options[0] : null;
    var filter = function () {
      var chosen = province.value;
      var keep = city.value;
      while (city.firstChild) {
        city.removeChild(city.firstChild);
      }
      if (placeholder) {
        city.appendChild(placeholder);
      }
      for (var i = 0; i < groups.length; i++) {
        if (!chosen || groups[i].getAttribute('data-province') === chosen) {
          city.appendChild(groups[i]);
        }
      }
      city.value = keep;
      if (city.value !== keep) {
        city.value = '';
      }
      // One province with one city (a municipality): nothing left to choose.
      if (chosen && city.value === '' && city.options.length === 2) {
        city.selectedIndex = 1;
      }
    };
    province.addEventListener('change', filter);
    // A city chosen first tells the province.
    city.addEventListener('change', function () {
      var option = city.options[city.selectedIndex];
      if (option && option.parentNode && option.parentNode.getAttribute && option.parentNode.getAttribute('data-province')
          && !province.value) {
        province.value = option.parentNode.getAttribute('data-province');
        filter();
      }
    });
    filter();
  }

  // Materials: a file over the limit is refused here, next to its field, before anything is sent, so that one big
  // photo never costs what was typed. The server refuses it too (and keeps the typed values) where this cannot run.
  var form = document.getElementById('submit-form');
  if (!form) {
    return;
  }
  var inputs = form.querySelectorAll('input.material-file');
  var check = function (input) {
    var message = document.getElementById(input.id + '-error');
    var file = input.files && input.files.length > 0 ? input.files[0] : null;
    var hint = 'upload-hint';
    var max = parseInt(form.getAttribute('data-max-bytes'), 10);
    if (file && max > 0 && file.size > max) {
      message.textContent = input.getAttribute('data-too-large').replace('{0}', file.name);
      message.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', input.id + '-error ' + hint);
      input.value = '';
      return false;
    }
    if (file) {
      message.textContent = '';
      message.hidden = true;
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', hint);
    }
    return true;
  };
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener('change', function (event) { check(event.target); });
  }
  form.addEventListener('submit', function (event) {
    var first = null;
    for (var j = 0; j < inputs.length; j++) {
      if (!check(inputs[j]) && !first) {
        first = inputs[j];
      }
    }
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
}());
