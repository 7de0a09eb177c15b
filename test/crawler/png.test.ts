// The simulator's captcha images and the terminal preview of a captcha: written and read through pngjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { asciiPreview } from '../../src/crawler/png-preview.ts';
import { digitsPng } from '../../src/crawler/simulator/png.ts';

describe('captcha PNGs', () => {
  it('draws digits in the 3×5 font, grayscale, with a one-cell margin', () => {
    const image = PNG.sync.read(digitsPng('1', 1));
    // One glyph 4 cells wide plus a cell of margin each side; 5 rows plus a row above and below.
    assert.deepEqual([image.width, image.height], [6, 7]);
    const dark = (x: number, y: number) => image.data[(y * image.width + x) * 4] === 0;
    // '1' is 010 / 110 / 010 / 010 / 111, drawn from x = 1, y = 1.
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((x) => dark(x, 2)),
      [false, true, true, false, false, false],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((x) => dark(x, 5)),
      [false, true, true, true, false, false],
    );
    assert.ok([0, 1, 2, 3, 4, 5].every((x) => !dark(x, 0) && !dark(x, 6)));
  });

  it('previews dark pixels as #, every second row', () => {
    // Rows 0, 2, 4, 6 of the '1' above: margin, 110, 010, margin.
    assert.equal(asciiPreview(digitsPng('1', 1)), '\n ##\n  #\n');
  });

  it('reads colour PNGs by the mean of red, green and blue', () => {
    const image = new PNG({ width: 4, height: 1 });
    // Means 0, 255, 136.7 and 116.7; below 128 is dark.
    const colours: Array<[number, number, number]> = [
      [0, 0, 0],
      [255, 255, 255],
      [220, 120, 70],
      [100, 100, 150],
    ];
    for (const [x, [r, g, b]] of colours.entries()) image.data.set([r, g, b, 255], x * 4);
    assert.equal(asciiPreview(PNG.sync.write(image)), '#  #');
  });

  it('returns null for what is not a readable PNG of a sensible size', () => {
    assert.equal(asciiPreview(Buffer.from('not a png, not a png, not a png, not a png')), null);
    assert.equal(asciiPreview(digitsPng('123').subarray(0, 40)), null);
    assert.equal(asciiPreview(PNG.sync.write(new PNG({ width: 2001, height: 1 }))), null);
  });
});
