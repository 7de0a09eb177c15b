/**
 * The watch as an Atom 1.0 feed (RFC 4287): one entry per removal, restoration or change, newest first. Entry ids are
 * name-based UUIDs of the event's key (RFC 4122 §4.3, SHA-1), so a reader sees the same entry whatever host name the
 * server is reached by; links point at the case's page on the server that answered.
 */
import { createHash } from 'node:crypto';

export interface FeedEntry {
  key: string;
  title: string;
  summary: string;
  updated: string;
  /** Path on the server (e.g. /cases/12), made absolute with the feed's origin. */
  path: string;
  category: string;
}

export interface Feed {
  /** Distinguishes feeds of different filters (their ids differ). */
  scope: string;
  title: string;
  updated: string;
  entries: FeedEntry[];
}

/** A name-based UUID (version 5) in the URL namespace, as an URN. */
export function nameUuid(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Text for XML: the five special characters escaped, and characters XML 1.0 does not allow dropped. */
export function xmlText(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 forbids are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** RFC 3339 date-time (what Atom's date constructs require), from what the database gives. */
export function atomDate(value: string): string {
  const t = Date.parse(value);
  return Number.isNaN(t) ? new Date(0).toISOString() : new Date(t).toISOString();
}

/** The feed as XML; `origin` (scheme://host[:port]) makes the links absolute, `self` is the feed's own URL. */
export function renderAtom(feed: Feed, origin: string, self: string): string {
  const base = origin.replace(/\/+$/, '');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(nameUuid(`otkaz watch feed ${feed.scope}`))}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <updated>${atomDate(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${base}/cases`)}"/>`,
    '  <author><name>otkaz</name></author>',
    '  <generator>otkaz</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlText(nameUuid(`otkaz watch event ${e.key}`))}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <updated>${atomDate(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(`${base}${e.path}`)}"/>`,
      `    <category term="${xmlText(e.category)}"/>`,
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
