// The text of a PDF as Chromium (Skia) writes it, for tests that check what a rendered page says: each page's
// content stream and the form XObjects it draws are read for text-showing operators (Tj, TJ: hex strings of glyph
// codes), and each code is mapped to Unicode by its font's ToUnicode CMap. Enough for Skia's output; not a general
// PDF text extractor (no literal-string escapes beyond the simple ones, no Type 3 fonts).
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

type CMap = { width: number; map: Map<number, string> };

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  let width = 2;
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  if (space?.[1]) width = space[1].length / 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(Number.parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const from = Number.parseInt(m[1] ?? '0', 16);
      const to = Number.parseInt(m[2] ?? '0', 16);
      if (m[4] !== undefined) {
        const base = Number.parseInt(m[4], 16);
        for (let c = from; c <= to; c += 1) map.set(c, String.fromCodePoint(base + (c - from)));
      } else {
        const items = [...(m[5] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1] ?? ''));
        for (const [i, s] of items.entries()) map.set(from + i, s);
      }
    }
  }
  return { width, map };
}

function streamText(doc: PDFDocument, ref: unknown): string {
  const object = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(object instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
}

function fontsOf(doc: PDFDocument, resources: PDFDict | undefined): Map<string, CMap> {
  const fonts = new Map<string, CMap>();
  const fontDict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fontDict) return fonts;
  for (const [name, value] of fontDict.entries()) {
    const font = doc.context.lookup(value);
    if (!(font instanceof PDFDict)) continue;
    const toUnicode = font.get(PDFName.of('ToUnicode'));
    if (toUnicode) fonts.set(name.asString().slice(1), parseCMap(streamText(doc, toUnicode)));
  }
  return fonts;
}

function showText(content: string, fonts: Map<string, CMap>): string {
  let out = '';
  let font: CMap | undefined;
  const decode = (hex: string) => {
    if (!font) return;
    const clean = hex.replace(/\s+/g, '');
    const step = font.width * 2;
    for (let i = 0; i + step <= clean.length; i += step) out += font.map.get(Number.parseInt(clean.slice(i, i + step), 16)) ?? '';
  };
  const token = /\/([^\s/[\]<>()]+)\s+[-\d.]+\s+Tf|<([0-9a-fA-F\s]*)>|\b(BT|ET|Td|TD|Tm|T\*)\b/g;
  for (const m of content.matchAll(token)) {
    if (m[1] !== undefined) font = fonts.get(m[1]);
    else if (m[2] !== undefined) decode(m[2]);
    else if (m[3] === 'BT' || m[3] === 'Td' || m[3] === 'TD' || m[3] === 'Tm' || m[3] === 'T*') out += '\n';
  }
  return out;
}

function drawn(doc: PDFDocument, resources: PDFDict | undefined, content: string, depth: number): string {
  let text = showText(content, fontsOf(doc, resources));
  if (depth > 4) return text;
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return text;
  for (const [, value] of xobjects.entries()) {
    const form = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(form instanceof PDFRawStream) || form.dict.get(PDFName.of('Subtype'))?.toString() !== '/Form') continue;
    const inner = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
    text += `\n${drawn(doc, inner, streamText(doc, form), depth + 1)}`;
  }
  return text;
}

/** The text of every page, in order. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const pages: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const looked = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    const streams = looked instanceof PDFArray ? looked.asArray() : [contents];
    const content = streams.map((s) => streamText(doc, s)).join('\n');
    pages.push(drawn(doc, page.node.Resources(), content, 0));
  }
  return pages.join('\n\f\n');
}
