/**
 * Windows code page 932 (Shift_JIS as Windows tools write it) with iconv-lite's own DBCS codec and
 * only its Shift_JIS table. `import iconv from 'iconv-lite'` bundles every code page iconv-lite
 * knows (Chinese, Korean, EUC-JP, … about 480 KB minified) into the G-Staff CSV import; this module
 * bundles the one table the export uses (about 35 KB with the codec). Built as iconv-lite builds
 * its `cp932` codec (the same options, `encodings/dbcs-data.js`), so decoding and encoding are
 * iconv-lite's: `cp932.test.ts` compares every byte pair and every BMP character with the package.
 */
import dbcs from 'iconv-lite/encodings/dbcs-codec.js';
import table from 'iconv-lite/encodings/tables/shiftjis.json' with { type: 'json' };

interface Coder<I, O> {
  write(input: I): O;
  end(): O | undefined;
}
/** iconv-lite's codec: its encoder and decoder classes are constructed with the codec (as `iconv.encode` does). */
interface DbcsCodec {
  encoder: new (options: undefined, codec: DbcsCodec) => Coder<string, Buffer>;
  decoder: new (options: undefined, codec: DbcsCodec) => Coder<Buffer, string>;
}

let codec: DbcsCodec | undefined;
function cp932(): DbcsCodec {
  codec ??= new dbcs._dbcs(
    {
      encodingName: 'shiftjis',
      type: '_dbcs',
      table: () => table,
      // iconv-lite's `shiftjis` entry: ¥ and ‾ encode as their JIS X 0201 bytes; the NEC-selected
      // IBM extensions and user-defined area (ED40–F940) are decoded, never chosen when encoding.
      encodeAdd: { '\u00a5': 0x5c, '\u203E': 0x7e },
      encodeSkipVals: [{ from: 0xed40, to: 0xf940 }],
    },
    // What the codec reads from iconv-lite: its default characters for what a code page cannot hold.
    { defaultCharUnicode: '\ufffd', defaultCharSingleByte: '?' },
  ) as DbcsCodec;
  return codec;
}

/** The bytes as CP932 text (`iconv.decode(bytes, 'cp932')`). */
export function decodeCp932(bytes: Buffer): string {
  const c = cp932();
  const decoder = new c.decoder(undefined, c);
  const text = decoder.write(bytes);
  const rest = decoder.end();
  return rest ? text + rest : text;
}

/** The text as CP932 bytes (`iconv.encode(text, 'cp932')`); what CP932 cannot hold becomes `?`. */
export function encodeCp932(text: string): Buffer {
  const c = cp932();
  const encoder = new c.encoder(undefined, c);
  const bytes = encoder.write(text);
  const rest = encoder.end();
  return rest?.length ? Buffer.concat([bytes, rest]) : bytes;
}
