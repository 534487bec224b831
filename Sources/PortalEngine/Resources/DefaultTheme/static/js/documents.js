// The documents list's filters: year, type, issuing body and field, in the address
// (?loai=quyet-dinh&nam=2019) so a filtered list can be linked. Reads du-lieu.json once.
(function () {
  'use strict';
  var NAMES = ['nam', 'loai', 'co_quan', 'linh_vuc'];

  // Whether document `d` passes every chosen filter (`filters`: name → key).
  function matches(d, filters) {
    return NAMES.every(function (name) {
      var want = filters[name];
      if (!want) { return true; }
      var have = d[name];
      return Array.isArray(have) ? have.indexOf(want) >= 0 : have === want;
    });
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { matches: matches, NAMES: NAMES };
    return;
  }
  var form = document.querySelector('.document-filters');
  var rows = document.getElementById('documents-rows');
  var count = document.getElementById('documents-count');
  var pager = document.getElementById('documents-pagination');
  if (!form || !rows || !window.fetch || !window.URLSearchParams) { return; }
  var reset = form.querySelector('.filter-reset');
  var original = { rows: rows.innerHTML, count: count ? count.textContent : '' };
  var data = null;

  function select(name) { return form.querySelector('select[name="' + name + '"]'); }

  function chosen() {
    var filters = {};
    NAMES.forEach(function (name) {
      var s = select(name);
      if (s && s.value) { filters[name] = s.value; }
    });
    return filters;
  }

  function cell(tr, className, build) {
    var td = document.createElement('td');
    td.className = className;
    build(td);
    tr.appendChild(td);
  }

  function link(url, text) {
    var a = document.createElement('a');
    a.href = url;
    a.textContent = text;
    return a;
  }

  function render(list) {
    rows.textContent = '';
    list.forEach(function (d) {
      var tr = document.createElement('tr');
      cell(tr, 'doc-number', function (td) { td.appendChild(link(d.u, d.n)); });
      cell(tr, 'doc-date', function (td) { td.textContent = d.d; });
      cell(tr, 'doc-abstract', function (td) {
        var type = document.createElement('span');
        type.className = 'doc-type';
        type.textContent = d.k;
        td.appendChild(type);
        td.appendChild(document.createTextNode(' '));
        td.appendChild(link(d.u, d.a));
      });
      cell(tr, 'doc-status', function (td) {
        var s = document.createElement('span');
        s.className = 'status status-' + d.s;
        s.textContent = data.labels[d.s] || d.s;
        td.appendChild(s);
      });
      rows.appendChild(tr);
    });
  }

  function apply(remember) {
    var filters = chosen();
    var any = Object.keys(filters).length > 0;
    if (remember) {
      var query = new URLSearchParams(filters).toString();
      history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    }
    if (reset) { reset.hidden = !any; }
    if (!any) {
      rows.innerHTML = original.rows;
      if (count) { count.textContent = original.count; }
      if (pager) { pager.hidden = false; }
      return Promise.resolve();
    }
    var loading = data ? Promise.resolve(data) : fetch(form.getAttribute('data-documents')).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
    return loading.then(function (loaded) {
      data = loaded;
      var found = data.documents.filter(function (d) { return matches(d, filters); });
      render(found);
      if (pager) { pager.hidden = true; }
      if (count) {
        count.textContent = found.length
          ? found.length + ' văn bản phù hợp (trong ' + data.documents.length + ' văn bản). Tình trạng hiệu lực tính đến ngày ' + data.status_date + '.'
          : 'Không có văn bản nào phù hợp với bộ lọc đã chọn.';
      }
    }).catch(function () {
      if (count) { count.textContent = 'Không tải được dữ liệu để lọc; danh sách dưới đây gồm mọi văn bản.'; }
    });
  }

  var params = new URLSearchParams(location.search);
  NAMES.forEach(function (name) {
    var s = select(name);
    var value = params.get(name);
    if (s && value && s.querySelector('option[value="' + value.replace(/["\\]/g, '') + '"]')) { s.value = value; }
  });
  form.addEventListener('change', function () { apply(true); });
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(true); });
  if (reset) {
    reset.addEventListener('click', function (e) {
      e.preventDefault();
      NAMES.forEach(function (name) { var s = select(name); if (s) { s.value = ''; } });
      apply(true);
    });
  }
  apply(false);
})();
