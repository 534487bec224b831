/* Portal script: today's date, the phone menu, the print button and the visitor counter. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var weekdays = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function grouped(n) { return Math.floor(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  ready(function () {
    // Today in the site's time zone, from the offset the build wrote: no locale data needed.
    var today = document.querySelector('[data-today]');
    if (today) {
      var offset = parseInt(today.getAttribute('data-utc-offset'), 10) || 0;
      var d = new Date(Date.now() + offset * 60000);
      today.textContent = weekdays[d.getUTCDay()] + ', Ngày ' + pad(d.getUTCDate()) +
        ' Tháng ' + (d.getUTCMonth() + 1) + ' Năm ' + d.getUTCFullYear();
    }

    var toggle = document.querySelector('.menu-toggle');
    var menu = document.getElementById('menu-list');
    if (toggle && menu) {
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', String(!open));
        menu.classList.toggle('open', !open);
      });
    }

    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function () { window.print(); });
    }

    // Counter: one GET per page view; a failed, slow or odd reply leaves the placeholders.
    var counter = document.querySelector('[data-counter-endpoint]');
    var endpoint = counter && counter.getAttribute('data-counter-endpoint');
    if (!endpoint || !window.fetch) { return; }
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) { controller.abort(); } }, 4000);
    var url = endpoint + (endpoint.indexOf('?') >= 0 ? '&' : '?') + 'path=' + encodeURIComponent(location.pathname);
    fetch(url, { credentials: 'omit', signal: controller ? controller.signal : undefined })
      .then(function (response) {
        if (!response.ok) { throw new Error('counter ' + response.status); }
        return response.json();
      })
      .then(function (data) {
        ['online', 'bots', 'visitors', 'today', 'month', 'total'].forEach(function (key) {
          var value = data && data[key];
          var cell = counter.querySelector('[data-counter="' + key + '"]');
          if (cell && typeof value === 'number' && isFinite(value) && value >= 0) {
            cell.textContent = grouped(value);
          }
        });
        counter.classList.add('counter-live');
      })
      .catch(function () { /* keep the placeholders */ })
      .then(function () { clearTimeout(timer); });
  });
}());
