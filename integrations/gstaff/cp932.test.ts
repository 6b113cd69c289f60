/**
 * The G-Staff export's code page without iconv-lite's other tables (./cp932.ts) decodes and
 * encodes exactly as iconv-lite's `cp932` does: every single byte and byte pair, every BMP
 * character, and random byte runs (truncated pairs included). UTF-8 exports are decoded with the
 * platform's decoder, checked against iconv-lite's `utf-8` the same way.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCp932, encodeCp932 } from './cp932.js';

/** A deterministic byte source (no flaky failures): a linear congruential generator. */
function bytesFrom(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('CP932 with the Shift_JIS table only', () => {
  it('decodes every single byte and every byte pair as iconv-lite does', () => {
    const differ: string[] = [];
    for (let a = 0; a < 0x100; a += 1) {
      const one = Buffer.from([a]);
      if (decodeCp932(one) !== iconv.decode(one, 'cp932')) differ.push(a.toString(16));
      for (let b = 0; b < 0x100 && a >= 0x80; b += 1) {
        const two = Buffer.from([a, b]);
        if (decodeCp932(two) !== iconv.decode(two, 'cp932'))
          differ.push(`${a.toString(16)}${b.toString(16)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(decodeCp932(Buffer.from([0x88, 0x9f, 0x87, 0x40, 0xfb, 0xfc]))).toBe('亜①髙');
  });

  it('encodes every BMP character as iconv-lite does', () => {
    const differ: string[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code);
      if (!encodeCp932(char).equals(iconv.encode(char, 'cp932'))) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    // Beyond the BMP (a surrogate pair) and what CP932 cannot hold: a question mark, as iconv-lite.
    for (const text of ['𠮷', '😀a', 'x\ud800y', 'Привет'])
      expect(encodeCp932(text)).toEqual(iconv.encode(text, 'cp932'));
  });

  it('decodes random byte runs, truncated pairs included, as iconv-lite does', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const bytes = bytesFrom(seed, 1 + (seed % 97));
      expect(decodeCp932(bytes)).toBe(iconv.decode(bytes, 'cp932'));
    }
  });

  it('decodes UTF-8 (BOM and broken sequences included) with the platform decoder as iconv-lite does', () => {
    const utf8 = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes);
    for (let seed = 1; seed <= 300; seed += 1) {
      const bytes = bytesFrom(seed, 1 + (seed % 97));
      expect(utf8(bytes)).toBe(iconv.decode(bytes, 'utf-8'));
    }
    const text = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('顧客コード,名前\r\nG-1,株式会社北'),
    ]);
    expect(utf8(text)).toBe(iconv.decode(text, 'utf-8'));
  });
});
