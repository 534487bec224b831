// Unit tests of the documents list's filter test (Sources/PortalEngine/Resources/DefaultTheme/static/js/documents.js).
//   node --test Tests/Search/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { matches } = require('../../Sources/PortalEngine/Resources/DefaultTheme/static/js/documents.js');

// A document as du-lieu.json writes it.
const plan = { n: '45/KH-UBND', nam: '2019', loai: 'ke-hoach', co_quan: 'ubnd-tinh-cao-bang', linh_vuc: ['noi-vu', 'thi-dua-khen-thuong'] };

test('no filter lets every document through', () => {
  assert.ok(matches(plan, {}));
});

test('every chosen filter must hold', () => {
  assert.ok(matches(plan, { nam: '2019', loai: 'ke-hoach' }));
  assert.ok(!matches(plan, { nam: '2019', loai: 'quyet-dinh' }));
  assert.ok(!matches(plan, { nam: '2020' }));
});

test('a field filter matches any of the document\'s fields', () => {
  assert.ok(matches(plan, { linh_vuc: 'thi-dua-khen-thuong' }));
  assert.ok(matches(plan, { linh_vuc: 'noi-vu', co_quan: 'ubnd-tinh-cao-bang' }));
  assert.ok(!matches(plan, { linh_vuc: 'tai-chinh' }));
  assert.ok(!matches({ nam: '2019', linh_vuc: [] }, { linh_vuc: 'noi-vu' }));
});
