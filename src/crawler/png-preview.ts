import { PNG } from 'pngjs';

/**
 * An ASCII preview of a PNG captcha for the terminal: dark pixels print as '#', sampled down to `maxWidth`
 * columns. Decoding is pngjs's (every colour type and bit depth, interlaced or not). Returns null for what is
 * not a PNG, a broken one, or one larger than 2000 pixels a side (read from the header before decoding).
 */
export function asciiPreview(png: Uint8Array, maxWidth = 72): string | null {
  const buf = Buffer.from(png);
  if (buf.length < 33 || buf.readUInt32BE(0) !== 0x89504e47 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  if (width === 0 || width > 2000 || height > 2000) return null;
  let image: PNG;
  try {
    image = PNG.sync.read(buf);
  } catch {
    return null;
  }
  const step = Math.max(1, Math.ceil(width / maxWidth));
  const lines: string[] = [];
  for (let y = 0; y < image.height; y += step * 2) {
    let line = '';
    for (let x = 0; x < image.width; x += step) {
      const i = (y * image.width + x) * 4;
      const luminance = ((image.data[i] ?? 0) + (image.data[i + 1] ?? 0) + (image.data[i + 2] ?? 0)) / 3;
      line += luminance < 128 ? '#' : ' ';
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
