// Draws media/icon.png (128x128 RGBA): a rounded tile with a vertical timeline and three activity cards.
// Run once when the design changes: node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= size || y >= size || alpha <= 0) return;
  const i = (y * size + x) * 4;
  const a = Math.min(1, alpha);
  const under = pixels[i + 3] / 255;
  const out = a + under * (1 - a);
  for (const [k, v] of [
    [0, r],
    [1, g],
    [2, b],
  ]) {
    pixels[i + k] = Math.round((v * a + pixels[i + k] * under * (1 - a)) / (out || 1));
  }
  pixels[i + 3] = Math.round(out * 255);
}

// Coverage of a rounded rectangle at a pixel centre, with one pixel of anti-aliasing.
function roundRect(x0, y0, x1, y1, radius, color) {
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      const cx = Math.min(Math.max(x + 0.5, x0 + radius), x1 - radius);
      const cy = Math.min(Math.max(y + 0.5, y0 + radius), y1 - radius);
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      blend(x, y, color, radius - d + 0.5);
    }
  }
}

function circle(cx, cy, radius, color) {
  roundRect(cx - radius, cy - radius, cx + radius, cy + radius, radius, color);
}

roundRect(0, 0, 128, 128, 24, [0x1f, 0x3b, 0x57]);
roundRect(30, 18, 36, 110, 3, [0x5b, 0x7f, 0xa3]);
const cards = [
  [24, [0x4c, 0xc9, 0xf0], 78],
  [54, [0xff, 0xc8, 0x57], 62],
  [84, [0x7e, 0xe0, 0x8a], 70],
];
for (const [y, color, width] of cards) {
  circle(33, y + 10, 8, color);
  roundRect(48, y, 48 + width - 22, y + 20, 5, [0xf4, 0xf7, 0xfb]);
  roundRect(54, y + 6, 54 + (width - 22) * 0.6, y + 10, 2, color);
  roundRect(54, y + 13, 54 + (width - 22) * 0.4, y + 16, 1.5, [0xb8, 0xc4, 0xd2]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.concat(
  Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4)])),
);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${size}x${size}, ${png.length} bytes`);
