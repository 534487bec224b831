/* Static search: fetches only the index shards a query needs (see SearchIndexBuilder.swift).
   Matching folds case, tones and đ; quoted phrases must appear as written (adjacent syllables);
   adjacent words, title matches and exact tones rank higher. Results are built with DOM nodes,
   never innerHTML. */
(function () {
  'use strict';

  // Same as SearchIndexBuilder.fnv1a32: FNV-1a, 32 bits, over UTF-8 bytes.
  function fnv1a32(text) {
    var bytes = new TextEncoder().encode(text);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  }

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  function tokens(text) {
    var out = [];
    var lower = text.normalize('NFC').toLowerCase();
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(lower)) !== null) {
      var folded = fold(m[0]);
      if (folded) { out.push({ exact: m[0], folded: folded }); }
    }
    return out;
  }

  function parse(query) {
    var phrases = [];
    var rest = query.replace(/"([^"]*)"/g, function (_, phrase) {
      var t = tokens(phrase);
      if (t.length) { phrases.push(t); }
      return ' ';
    });
    var free = tokens(rest);
    var all = free.slice();
    phrases.forEach(function (p) { all = all.concat(p); });
    var required = [];
    phrases.forEach(function (p) {
      for (var i = 0; i + 1 < p.length; i++) { required.push(p[i].folded + ' ' + p[i + 1].folded); }
    });
    var bonus = [];
    for (var i = 0; i + 1 < free.length; i++) { bonus.push(free[i].folded + ' ' + free[i + 1].folded); }
    return { all: all, required: required, bonus: bonus };
  }

  function decode(entry) {
    var variants = entry[0];
    var flat = entry[1];
    var stride = variants.length ? 3 : 2;
    var docs = new Map();
    var doc = 0;
    for (var i = 0; i < flat.length; i += stride) {
      doc += flat[i];
      docs.set(doc, { title: flat[i + 1] === 1, mask: stride === 3 ? flat[i + 2] : 0 });
    }
    return { variants: variants, docs: docs };
  }

  function rank(meta, q, found, filters) {
    var first = q.all[0] && found[q.all[0].folded];
    if (!first) { return []; }
    var results = [];
    first.docs.forEach(function (_, doc) {
      var score = 0;
      for (var i = 0; i < q.all.length; i++) {
        var term = found[q.all[i].folded];
        var hit = term && term.docs.get(doc);
        if (!hit) { return; }
        score += hit.title ? 30 : 10;
        // Typed with tones: documents that use that exact spelling rank first.
        var v = term.variants.indexOf(q.all[i].exact);
        if (q.all[i].exact !== q.all[i].folded && v >= 0 && v < 31 && (hit.mask & (1 << v))) { score += 8; }
      }
      for (var r = 0; r < q.required.length; r++) {
        var phrase = found[q.required[r]];
        var p = phrase && phrase.docs.get(doc);
        if (!p) { return; }
        score += p.title ? 45 : 15;
      }
      for (var b = 0; b < q.bonus.length; b++) {
        var pair = found[q.bonus[b]];
        var h = pair && pair.docs.get(doc);
        if (h) { score += h.title ? 45 : 15; }
      }
      if (filters && !filters(doc)) { return; }
      results.push({ doc: doc, score: score });
    });
    // Documents are numbered newest first: equal scores keep the newer article on top.
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return results;
  }

  // Everything above is pure and is what the Node tests load; below needs a page.
  if (typeof module === 'object' && module.exports) {
    module.exports = { fnv1a32: fnv1a32, fold: fold, tokens: tokens, parse: parse, decode: decode, rank: rank };
    return;
  }
  var script = document.currentScript;
  var base = script && script.getAttribute('data-index');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var selects = {
    category: document.getElementById('search-category'),
    bloc: document.getElementById('search-bloc'),
    year: document.getElementById('search-year')
  };
  if (!base || !input || !list) { return; }
  var PAGE = 10;
  var loaded = {};

  function fetchJSON(path) {
    if (!loaded[path]) {
      loaded[path] = fetch(base + path).then(function (r) {
        if (!r.ok) { throw new Error(path + ' ' + r.status); }
        return r.json();
      });
    }
    return loaded[path];
  }

  function lookup(meta, terms) {
    var shards = {};
    terms.forEach(function (t) { shards[fnv1a32(t) % meta.shards] = true; });
    return Promise.all(Object.keys(shards).map(function (n) { return fetchJSON('t/' + n + '.json'); }))
      .then(function (parts) {
        var found = {};
        terms.forEach(function (t) {
          for (var i = 0; i < parts.length; i++) {
            if (Object.prototype.hasOwnProperty.call(parts[i], t)) { found[t] = decode(parts[i][t]); break; }
          }
        });
        return found;
      });
  }

  function highlight(text, foldedTerms) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (foldedTerms[fold(m[0].toLowerCase())]) {
        fragment.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement('mark');
        mark.textContent = m[0];
        fragment.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function show(meta, results, from, foldedTerms) {
    var page = results.slice(from, from + PAGE);
    return Promise.all(page.map(function (r) {
      return fetchJSON('d/' + Math.floor(r.doc / meta.docsPerShard) + '.json').then(function (shard) {
        return shard[r.doc % meta.docsPerShard];
      });
    })).then(function (docs) {
      docs.forEach(function (d) {
        var li = document.createElement('li');
        li.className = 'search-result';
        var h = document.createElement('h2');
        var a = document.createElement('a');
        a.href = d[1];
        a.appendChild(highlight(d[0], foldedTerms));
        h.appendChild(a);
        var info = document.createElement('p');
        info.className = 'meta';
        var category = d[3] >= 0 ? meta.categories[d[3]].replace(/^(– )+/, '') : '';
        info.textContent = d[2] + (category ? ' · ' + category : '');
        var snippet = document.createElement('p');
        snippet.className = 'summary';
        snippet.appendChild(highlight(d[4], foldedTerms));
        li.appendChild(h);
        li.appendChild(info);
        li.appendChild(snippet);
        list.appendChild(li);
      });
      more.hidden = from + PAGE >= results.length;
    });
  }

  function fill(select, options, selected) {
    if (!select) { return; }
    options.forEach(function (label, value) {
      var o = document.createElement('option');
      o.value = String(value);
      o.textContent = String(label);
      if (String(value) === selected) { o.selected = true; }
      select.appendChild(o);
    });
  }

  var params = new URLSearchParams(location.search);
  var query = params.get('q') || '';
  input.value = query;
  fetchJSON('meta.json').then(function (meta) {
    fill(selects.category, meta.categories, params.get('category'));
    fill(selects.bloc, meta.blocs, params.get('bloc'));
    if (selects.year) {
      meta.years.forEach(function (y) {
        var o = document.createElement('option');
        o.value = o.textContent = String(y);
        if (String(y) === params.get('year')) { o.selected = true; }
        selects.year.appendChild(o);
      });
    }
    var q = parse(query);
    if (!q.all.length) { return; }
    status.textContent = 'Đang tìm…';
    var terms = q.all.map(function (t) { return t.folded; }).concat(q.required, q.bonus);
    var wantFilters = ['category', 'bloc', 'year'].some(function (k) { return params.get(k); });
    return Promise.all([lookup(meta, terms), wantFilters ? fetchJSON('filters.json') : null]).then(function (r) {
      var f = r[1];
      var filters = f && function (doc) {
        return (!params.get('category') || String(f.category[doc]) === params.get('category')) &&
          (!params.get('bloc') || String(f.bloc[doc]) === params.get('bloc')) &&
          (!params.get('year') || String(f.year[doc]) === params.get('year'));
      };
      var results = rank(meta, q, r[0], filters);
      status.textContent = results.length
        ? 'Tìm thấy ' + results.length + ' kết quả cho “' + query + '”.'
        : 'Không tìm thấy kết quả nào cho “' + query + '”.';
      var foldedTerms = {};
      q.all.forEach(function (t) { foldedTerms[t.folded] = true; });
      var shown = 0;
      more.addEventListener('click', function () { shown += PAGE; show(meta, results, shown, foldedTerms); });
      return show(meta, results, 0, foldedTerms);
    });
  }).catch(function () {
    status.textContent = 'Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.';
  });
}());
