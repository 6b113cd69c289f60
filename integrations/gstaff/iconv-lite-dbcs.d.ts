/** iconv-lite's DBCS codec module (CommonJS, no types of its own); used by ./cp932.ts only. */
declare module 'iconv-lite/encodings/dbcs-codec.js' {
  const dbcs: { _dbcs: new (options: object, iconv: object) => unknown };
  export default dbcs;
}
