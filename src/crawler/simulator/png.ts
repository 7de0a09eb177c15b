import { PNG } from 'pngjs';

/** A tiny PNG of digits (3×5 font, scaled), for the simulator's captcha images. Grayscale, 8 bits. */
const FONT: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

export function digitsPng(digits: string, scale = 4): Buffer {
  const glyphW = 4 * scale;
  const width = digits.length * glyphW + scale * 2;
  const height = 7 * scale;
  const gray = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y += 1) {
    const fy = Math.floor(y / scale) - 1;
    for (let i = 0; i < digits.length; i += 1) {
      const glyph = FONT[digits[i] ?? '0'];
      if (!glyph || fy < 0 || fy > 4) continue;
      for (let x = 0; x < 3 * scale; x += 1) {
        if (glyph[fy]?.[Math.floor(x / scale)] === '1') gray[y * width + scale + i * glyphW + x] = 0;
      }
    }
  }
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  png.data = gray;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8 });
}
