/**
 * A minimal PNG writer for the cards: 8-bit RGBA, no filtering, one zlib stream
 * (node:zlib). The canvas's own PNG encoder (Skia's) took about 30 ms a card against
 * about 5 ms here for files of similar size (docs/link-previews.md), and 10,000 cards
 * make that difference minutes.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** zlib level: 4 is about twice as fast as the default 6 for a card about a fifth larger. */
export const PNG_DEFLATE_LEVEL = 4;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG of `width`×`height` straight (not premultiplied) RGBA pixels, rows top to bottom. */
export function encodePng(rgba: Uint8Array, width: number, height: number, level = PNG_DEFLATE_LEVEL): Buffer {
  const rowBytes = width * 4;
  if (rgba.length !== rowBytes * height) throw new Error(`픽셀 ${rgba.length}바이트는 ${width}×${height} RGBA가 아닙니다`);
  // Each row starts with its filter type byte, 0 (none).
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level })), chunk('IEND', new Uint8Array(0))]);
}

/** Width and height from a PNG's IHDR, or null when `data` is not a PNG. */
export function readPngSize(data: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
