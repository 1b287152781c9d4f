/**
 * A minimal PNG writer for the cards: 8-bit palette images (palette.ts), no row
 * filters, one zlib stream (node:zlib). Skia's own PNG encoder writes 32-bit RGBA,
 * about three times slower and larger a card (docs/link-previews.md), which over a
 * large site is minutes and hundreds of megabytes.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** zlib level: measured about as small as 6 and faster, and 9 far slower for little gain (docs/benchmarks.md). */
export const PNG_DEFLATE_LEVEL = 4;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A palette PNG (colour type 3) of `width`×`height` indices into `palette` (RGB triplets, at most 256), rows top to bottom. */
export function encodeIndexedPng(indices: Uint8Array, palette: Uint8Array, width: number, height: number, level = PNG_DEFLATE_LEVEL): Buffer {
  if (indices.length !== width * height) throw new Error(`색인 ${indices.length}개는 ${width}×${height} 이미지가 아닙니다`);
  if (palette.length === 0 || palette.length % 3 !== 0 || palette.length > 256 * 3) throw new Error('팔레트는 RGB 1–256색이어야 합니다');
  // Each row starts with its filter type byte, 0 (none).
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // colour type: palette
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(raw, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Width and height from a PNG's IHDR, or null when `data` is not a PNG. */
export function readPngSize(data: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
