/**
 * The part of kintone's query language that the adapter and common clients use, for the
 * sandbox: comparisons, `in` / `not in`, `like` / `not like`, `and` / `or`, parentheses,
 * `order by`, `limit`, `offset`. Anything else (functions such as TODAY(), subtable
 * operators) is refused with a kintone-shaped error instead of being ignored.
 */

export class KintoneQueryError extends Error {
  constructor(
    readonly code: 'GAIA_IQ03' | 'GAIA_IQ11' | 'CB_VA01',
    message: string,
  ) {
    super(message);
    this.name = 'KintoneQueryError';
  }
}

export type FieldValueType = 'number' | 'datetime' | 'text';

export interface QueryRecord {
  /** Field code → comparable value (numbers for ids and NUMBER fields, ISO strings for times). */
  get(field: string): string | number | undefined;
}

/** One comparison that every match must satisfy (a top-level `and` part), for index lookups. */
export interface QueryConjunct {
  field: string;
  op: string;
  value: string | number;
}

export interface ParsedQuery {
  matches(record: QueryRecord): boolean;
  /** Comparisons the whole condition is `and`-ed from; a store may use them to skip records. */
  conjuncts: QueryConjunct[];
  orderBy: { field: string; descending: boolean }[];
  limit?: number;
  offset?: number;
}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"') {
      let value = '';
      i += 1;
      while (i < query.length && query[i] !== '"') {
        if (query[i] === '\\' && i + 1 < query.length) i += 1;
        value += query[i];
        i += 1;
      }
      if (query[i] !== '"')
        throw new KintoneQueryError('GAIA_IQ03', 'Query syntax error: unterminated string.');
      i += 1;
      tokens.push({ kind: 'string', value });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch });
      i += 1;
    } else if ('=!<>'.includes(ch)) {
      const two = query.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : ch;
      if (op === '!') throw new KintoneQueryError('GAIA_IQ03', 'Query syntax error near "!".');
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    } else if (/[-0-9]/.test(ch) && /^-?\d/.test(query.slice(i))) {
      const match = /^-?\d+(\.\d+)?/.exec(query.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else {
      const match = /^[^\s()=!<>,"]+/u.exec(query.slice(i));
      if (!match)
        throw new KintoneQueryError('GAIA_IQ03', `Query syntax error near "${query.slice(i, i + 10)}".`);
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

const isWord = (t: Token | undefined, word: string) => t?.kind === 'word' && t.value.toLowerCase() === word;

export function parseKintoneQuery(
  query: string,
  fieldTypes: ReadonlyMap<string, FieldValueType>,
): ParsedQuery {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const fail = (what: string): never => {
    throw new KintoneQueryError('GAIA_IQ03', `Query syntax error: ${what}.`);
  };

  const fieldName = (): string => {
    const token = next();
    if (token?.kind !== 'word') return fail('a field code was expected');
    if (!fieldTypes.has(token.value)) {
      throw new KintoneQueryError('GAIA_IQ11', `The specified field (${token.value}) does not exist.`);
    }
    return token.value;
  };

  const literal = (): string | number => {
    const token = next();
    if (token?.kind === 'string' || token?.kind === 'number') return token.value;
    if (token?.kind === 'word' && peek()?.kind === 'punct' && peek()?.value === '(') {
      throw new KintoneQueryError(
        'CB_VA01',
        `The function ${token.value}() is not supported by the sandbox.`,
      );
    }
    return fail('a value was expected');
  };

  const compare = (
    type: FieldValueType,
    left: string | number | undefined,
    right: string | number,
  ): number => {
    if (left === undefined || left === '') return Number.NaN;
    if (type === 'number') return Number(left) - Number(right);
    if (type === 'datetime') return Date.parse(String(left)) - Date.parse(String(right));
    return String(left).localeCompare(String(right));
  };

  type Predicate = ((record: QueryRecord) => boolean) & { conjuncts?: QueryConjunct[] };

  const comparison = (): Predicate => {
    const field = fieldName();
    const type = fieldTypes.get(field) as FieldValueType;
    let negate = false;
    if (isWord(peek(), 'not')) {
      negate = true;
      next();
    }
    const opToken = next();
    if (opToken?.kind === 'word' && opToken.value.toLowerCase() === 'in') {
      if (!(peek()?.kind === 'punct' && peek()?.value === '(')) fail('"(" expected after in');
      next();
      const values: (string | number)[] = [literal()];
      while (peek()?.kind === 'punct' && peek()?.value === ',') {
        next();
        values.push(literal());
      }
      if (!(peek()?.kind === 'punct' && peek()?.value === ')')) fail('")" expected');
      next();
      if (type !== 'datetime') {
        // Equality only: one set lookup instead of a comparison per value (long `in` lists).
        const set = new Set(values.map((v) => (type === 'number' ? Number(v) : String(v))));
        return (r) => {
          const value = r.get(field);
          const found =
            value !== undefined && value !== '' && set.has(type === 'number' ? Number(value) : String(value));
          return found !== negate;
        };
      }
      return (r) => values.some((v) => compare(type, r.get(field), v) === 0) !== negate;
    }
    if (opToken?.kind === 'word' && opToken.value.toLowerCase() === 'like') {
      const needle = literal();
      return (r) =>
        String(r.get(field) ?? '')
          .toLowerCase()
          .includes(String(needle).toLowerCase()) !== negate;
    }
    if (negate || opToken?.kind !== 'op') return fail(`an operator was expected after ${field}`);
    const right = literal();
    const op = opToken.value;
    const predicate: Predicate = (r) => {
      const c = compare(type, r.get(field), right);
      if (op === '!=') return !(c === 0);
      if (Number.isNaN(c)) return false;
      return op === '=' ? c === 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    };
    predicate.conjuncts = [{ field, op, value: right }];
    return predicate;
  };

  const primary = (): Predicate => {
    if (peek()?.kind === 'punct' && peek()?.value === '(') {
      next();
      const inner = orExpression();
      if (!(peek()?.kind === 'punct' && peek()?.value === ')')) fail('")" expected');
      next();
      return inner;
    }
    return comparison();
  };

  const andExpression = (): Predicate => {
    const parts = [primary()];
    while (isWord(peek(), 'and')) {
      next();
      parts.push(primary());
    }
    if (parts.length === 1) return parts[0] as Predicate;
    const predicate: Predicate = (r) => parts.every((p) => p(r));
    predicate.conjuncts = parts.flatMap((p) => p.conjuncts ?? []);
    return predicate;
  };

  function orExpression(): Predicate {
    const parts = [andExpression()];
    while (isWord(peek(), 'or')) {
      next();
      parts.push(andExpression());
    }
    if (parts.length === 1) return parts[0] as Predicate;
    return (r) => parts.some((p) => p(r));
  }

  const atClause = () => isWord(peek(), 'order') || isWord(peek(), 'limit') || isWord(peek(), 'offset');
  const matches: Predicate = pos < tokens.length && !atClause() ? orExpression() : () => true;

  const result: ParsedQuery = { matches, conjuncts: matches.conjuncts ?? [], orderBy: [] };
  if (isWord(peek(), 'order')) {
    next();
    if (!isWord(next(), 'by')) fail('"by" expected after order');
    do {
      if (peek()?.kind === 'punct') next();
      const field = fieldName();
      let descending = false;
      if (isWord(peek(), 'asc') || isWord(peek(), 'desc'))
        descending = String((next() as Token).value).toLowerCase() === 'desc';
      result.orderBy.push({ field, descending });
    } while (peek()?.kind === 'punct' && peek()?.value === ',');
  }
  const count = (clause: string): number => {
    const token = next();
    if (token?.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) {
      return fail(`${clause} needs a whole number`);
    }
    return token.value;
  };
  if (isWord(peek(), 'limit')) {
    next();
    result.limit = count('limit');
  }
  if (isWord(peek(), 'offset')) {
    next();
    result.offset = count('offset');
  }
  if (pos < tokens.length) fail(`unexpected "${String(tokens[pos]?.value)}"`);
  return result;
}
