/**
 * Thin helpers over htmlparser2's DOM: one tree per page, CSS selection with css-select, and text
 * extraction that turns <br> and block ends into line breaks and folds the rest of the whitespace.
 */
import { compile, selectAll, selectOne } from 'css-select';
import { type AnyNode, type Document, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { Document, Element };

export function parseHtml(html: string): Document {
  return parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
}

// css-select compiles a selector string on every call; the parsers use a few dozen fixed selectors, so
// compile each once.
type Compiled = ReturnType<typeof compile<AnyNode, Element>>;
const compiled = new Map<string, Compiled>();
function query(selector: string): Compiled {
  let fn = compiled.get(selector);
  if (!fn) {
    fn = compile<AnyNode, Element>(selector);
    compiled.set(selector, fn);
  }
  return fn;
}

export const $ = (selector: string, root: AnyNode | AnyNode[]): Element | null => selectOne(query(selector), root) as Element | null;
export const $$ = (selector: string, root: AnyNode | AnyNode[]): Element[] => selectAll(query(selector), root) as Element[];

const BLOCK = new Set(['p', 'div', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol']);
const SKIP = new Set(['script', 'style', 'noscript']);

function collect(node: AnyNode, out: string[]): void {
  if (isText(node)) {
    out.push(node.data);
    return;
  }
  if (!isTag(node)) return;
  if (SKIP.has(node.name) || node.attribs.class === 'tooltipShow') return;
  if (node.name === 'br') {
    out.push('\n');
    return;
  }
  const block = BLOCK.has(node.name);
  if (block) out.push('\n');
  for (const child of node.children) collect(child, out);
  if (block) out.push('\n');
}

/** Text of a node: lines trimmed, runs of spaces (incl. NBSP) folded, empty lines dropped. */
export function text(node: AnyNode | null | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  collect(node, parts);
  return normaliseText(parts.join(''));
}

export function normaliseText(value: string): string {
  const folded = value.replace(/[\u00a0\u2007\u202f\t\r\f\v ]+/g, ' ');
  if (!folded.includes('\n')) return folded.trim();
  let out = '';
  for (const line of folded.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) out = out ? `${out}\n${trimmed}` : trimmed;
  }
  return out;
}

/** Single-line form of `text`. */
export function textLine(node: AnyNode | null | undefined): string {
  return text(node).replace(/\n/g, ' ');
}

export function attr(node: Element | null | undefined, name: string): string | null {
  return node?.attribs[name] ?? null;
}

export function hasClass(node: Element, cls: string): boolean {
  return (node.attribs.class ?? '').split(/\s+/).includes(cls);
}

/** Direct child elements with the given tag names (tbody is looked through for tables). */
export function childElements(node: Element, ...names: string[]): Element[] {
  const out: Element[] = [];
  for (const child of node.children) {
    if (!isTag(child)) continue;
    if (names.length === 0 || names.includes(child.name)) out.push(child);
  }
  return out;
}

/** The rows of a table, not those of tables nested inside it. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'tbody' || child.name === 'thead' || child.name === 'tfoot') rows.push(...childElements(child, 'tr'));
  }
  return rows;
}

export function rowCells(row: Element): Element[] {
  return childElements(row, 'td', 'th');
}
