// Unit tests of the browser search's pure part (Sources/PortalEngine/Resources/DefaultTheme/static/js/search.js).
//   node --test Tests/Search/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const core = require('../../Sources/PortalEngine/Resources/DefaultTheme/static/js/search.js');

// A tiny index in the builder's format: term -> [variants, flat postings (doc delta, title, mask)].
function index(entries) {
  const found = {};
  for (const [term, variants, postings] of entries) {
    const flat = [];
    let last = 0;
    for (const p of postings) {
      flat.push(p[0] - last, p[1], ...(variants.length ? [p[2]] : []));
      last = p[0];
    }
    found[term] = core.decode([variants, flat]);
  }
  return found;
}

test('folding and tokenising match the builder', () => {
  assert.deepStrictEqual(core.tokens('Thi ĐUA, hội-nghị 2019').map((t) => t.folded), ['thi', 'dua', 'hoi', 'nghi', '2019']);
  assert.deepStrictEqual(core.tokens('Thi ĐUA').map((t) => t.exact), ['thi', 'đua']);
  assert.strictEqual(core.fold('Đông'.normalize('NFD')), 'Dong');
  assert.strictEqual(core.fnv1a32('thi dua'), 0x6f5bf0f6);
});

test('quoted phrases become required pairs, free words give bonus pairs', () => {
  const q = core.parse('"nông thôn mới" ha lang');
  assert.deepStrictEqual(q.required, ['nong thon', 'thon moi']);
  assert.deepStrictEqual(q.bonus, ['ha lang']);
  assert.deepStrictEqual(q.all.map((t) => t.folded), ['ha', 'lang', 'nong', 'thon', 'moi']);
});

test('every word must match; adjacent words and titles rank higher; newer wins ties', () => {
  const found = index([
    ['thi', ['thi'], [[0, 0, 1], [1, 1, 1], [2, 0, 1], [3, 0, 1]]],
    ['dua', ['đua'], [[0, 0, 1], [1, 1, 1], [2, 0, 1]]],
    ['thi dua', [], [[1, 1], [2, 0]]],
  ]);
  const ranked = core.rank({}, core.parse('thi dua'), found, null).map((r) => r.doc);
  // 1: both words in the title, adjacent; 2: adjacent in the body; 0: scattered; 3 lacks "dua".
  assert.deepStrictEqual(ranked, [1, 2, 0]);
});

test('a query typed with tones ranks the exact spelling first', () => {
  const found = index([['hoi', ['hồi', 'hội'], [[0, 0, 1], [1, 0, 2]]]]);
  assert.deepStrictEqual(core.rank({}, core.parse('hội'), found, null).map((r) => r.doc), [1, 0]);
  assert.deepStrictEqual(core.rank({}, core.parse('hồi'), found, null).map((r) => r.doc), [0, 1]);
  // Without tones both match equally; the newer (lower number) comes first.
  assert.deepStrictEqual(core.rank({}, core.parse('hoi'), found, null).map((r) => r.doc), [0, 1]);
});

test('quoted phrases exclude documents where the words are not adjacent', () => {
  const found = index([
    ['nong', ['nông'], [[0, 0, 1], [1, 0, 1]]],
    ['thon', ['thôn'], [[0, 0, 1], [1, 0, 1]]],
    ['nong thon', [], [[1, 0]]],
  ]);
  assert.deepStrictEqual(core.rank({}, core.parse('"nông thôn"'), found, null).map((r) => r.doc), [1]);
});

test('filters drop documents', () => {
  const found = index([['thi', ['thi'], [[0, 0, 1], [1, 0, 1], [2, 0, 1]]]]);
  assert.deepStrictEqual(core.rank({}, core.parse('thi'), found, (doc) => doc !== 1).map((r) => r.doc), [0, 2]);
});
