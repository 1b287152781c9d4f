/**
 * Cards as palette images: every pixel of a card is the white ground, one of a few
 * inks, or an anti-aliased blend of the two along a glyph's edge. Snapping each pixel
 * to the nearest of `levels` blends per ink gives at most 256 colours, so the PNG
 * stores one byte a pixel instead of four: about a third of the file size, and
 * less for zlib to compress. 64 levels per edge are more than the eye tells apart.
 */

export type Rgb = readonly [number, number, number];

export function hexRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [, r, g, b] = m ?? [];
  if (r === undefined || g === undefined || b === undefined) throw new Error(`색은 #rrggbb로 써야 합니다: ${hex}`);
  return [parseInt(r, 16), parseInt(g, 16), parseInt(b, 16)];
}

/** The ground, then for each ink its blends over the ground from faint to full: 1 + inks × (levels − 1) RGB triplets. */
export function blendPalette(ground: Rgb, inks: readonly Rgb[], levels: number): Uint8Array {
  const size = 1 + inks.length * (levels - 1);
  if (size > 256) throw new Error(`팔레트가 256색을 넘습니다: ${size}`);
  const palette = new Uint8Array(size * 3);
  palette.set(ground, 0);
  let i = 3;
  for (const ink of inks) {
    for (let level = 1; level < levels; level++) {
      const a = level / (levels - 1);
      for (const [c, value] of ground.entries()) palette[i++] = Math.round(value * (1 - a) + (ink[c] ?? 0) * a);
    }
  }
  return palette;
}

/** The palette entry nearest to an RGB colour (squared distance). */
export function nearestEntry(palette: Uint8Array, r: number, g: number, b: number): number {
  let best = Infinity;
  let index = 0;
  for (let e = 0; e < palette.length / 3; e++) {
    // Typed-array reads inside the length are numbers; `?? 0` only satisfies the index type.
    const dr = (palette[e * 3] ?? 0) - r;
    const dg = (palette[e * 3 + 1] ?? 0) - g;
    const db = (palette[e * 3 + 2] ?? 0) - b;
    const d = dr * dr + dg * dg + db * db;
    if (d < best) {
      best = d;
      index = e;
    }
  }
  return index;
}

/**
 * A function from opaque RGBA pixels to their palette indices (nearest entry). Each
 * colour is looked up once and remembered in a table over all 2^24 colours (16 MB,
 * one per drawing thread); runs of one colour (the ground, mostly) skip the table.
 */
export function createPaletteMapper(palette: Uint8Array): (rgba: Uint8Array) => Uint8Array {
  const table = new Uint8Array(1 << 24);
  const known = new Uint8Array(1 << 21);
  return (rgba) => {
    const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
    const out = new Uint8Array(pixels.length);
    let last = -1;
    let lastIndex = 0;
    // Every index below is inside its typed array (colour < 2^24, p < pixels.length): `?? 0` only satisfies the index type.
    for (let p = 0; p < pixels.length; p++) {
      const value = pixels[p] ?? 0;
      if (value !== last) {
        last = value;
        const colour = value & 0xffffff;
        const bit = 1 << (colour & 7);
        const seen = known[colour >> 3] ?? 0;
        if (seen & bit) lastIndex = table[colour] ?? 0;
        else {
          lastIndex = nearestEntry(palette, rgba[p * 4] ?? 0, rgba[p * 4 + 1] ?? 0, rgba[p * 4 + 2] ?? 0);
          table[colour] = lastIndex;
          known[colour >> 3] = seen | bit;
        }
      }
      out[p] = lastIndex;
    }
    return out;
  };
}
