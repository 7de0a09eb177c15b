// Page requisites (style sheets, images, scripts) are told apart from court pages by media type, and a vague media
// type by what the body starts with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRequisite, parsePage } from '../../src/courts/parse/page.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

test('requisite: by media type, and by the body under a vague one', () => {
  assert.equal(isRequisite('text/css', bytes('body{}')), true);
  assert.equal(isRequisite('image/png; charset=binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47])), true);
  assert.equal(isRequisite('TEXT/HTML; charset=windows-1251', bytes('<html></html>')), false);
  assert.equal(isRequisite(null, bytes('body{}')), false, 'no media type: left to the HTML parser');
  assert.equal(isRequisite('text/plain', bytes('User-agent: *\nDisallow: /')), true);
  assert.equal(isRequisite('text/plain', bytes('  \n<!DOCTYPE html><html>')), false, 'HTML served as text/plain is a page');
  assert.equal(isRequisite('application/octet-stream', bytes('\uFEFF<html>')), false, 'a byte-order mark before the HTML');
});

test('requisite: the parser gives a requisite no layout and no court', () => {
  const page = parsePage({ url: 'http://example.invalid/css/a.css', contentType: 'text/css', bytes: bytes('.a{color:red}') });
  assert.equal(page.kind, 'requisite');
  assert.equal(page.layout, null);
  assert.equal(page.courtVnkod, null);
});
