/**
 * The codes the API carries as plain strings reach the staff in words: every audit operation name,
 * history kind, ledger field, kintone record field and system actor the hub writes has a Japanese
 * and an English label. The lists are read from the hub's source (core/, parsed with the TypeScript
 * compiler, since the console may not import it), so a code added there without a label here fails.
 * A code the console does not know yet still shows: as itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldTable, historyDetail } from './audit.js';
import { factText } from './hearing.js';
import { ENUM_LABELS, type EnumName, translator } from './i18n.js';

const CORE = resolve(import.meta.dirname, '..', '..', '..', 'core');
const languages = [translator('ja'), translator('en')] as const;

function coreSources(): ts.SourceFile[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing') walk(path);
      } else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(CORE);
  return files.map((f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true));
}
const sources = coreSources();
const source = (path: string) => sources.find((s) => s.fileName === join(CORE, path)) as ts.SourceFile;

function visit(node: ts.Node, each: (node: ts.Node) => void) {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

/** `export const NAME = ['a', 'b'] as const` in a core file. */
function constArray(path: string, name: string): string[] {
  const values: string[] = [];
  visit(source(path), (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) {
      visit(n.initializer, (e) => {
        if (ts.isStringLiteral(e)) values.push(e.text);
      });
    }
  });
  expect(values, `${path} ${name}`).not.toEqual([]);
  return values;
}

/** The string literals of a union-typed property, e.g. ApplicationEvent's `kind: 'SUBMITTED' | …`. */
function unionOf(path: string, owner: string, property: string): string[] {
  const values: string[] = [];
  visit(source(path), (n) => {
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name.text === owner) {
      visit(n, (m) => {
        if (ts.isPropertySignature(m) && ts.isIdentifier(m.name) && m.name.text === property && m.type) {
          visit(m.type, (t) => {
            if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) values.push(t.literal.text);
          });
        }
      });
    }
  });
  expect(values, `${path} ${owner}.${property}`).not.toEqual([]);
  return values;
}

const historyKinds = unionOf('applications/application.ts', 'ApplicationEvent', 'kind');

/**
 * What a template's `${…}` can be, for the operation names and actors core builds from a value:
 * each expression is named here, so a new one fails the test until its values (and labels) are.
 */
const TEMPLATE_VALUES: Record<string, () => string[]> = {
  'kind.toLowerCase()': () => historyKinds.map((k) => k.toLowerCase()),
  'kind.taskPrefix': () => {
    const prefixes: string[] = [];
    for (const s of sources) {
      visit(s, (n) => {
        if (
          ts.isPropertyAssignment(n) &&
          n.name.getText() === 'taskPrefix' &&
          ts.isStringLiteral(n.initializer)
        )
          prefixes.push(n.initializer.text);
      });
    }
    return prefixes;
  },
  app: () => constArray('sync/sync-model.ts', 'SYNCED_KINTONE_APPS'),
  'synced.app': () => constArray('sync/sync-model.ts', 'SYNCED_KINTONE_APPS'),
  "after.source ?? 'api'": () => unionOf('gstaff/gstaff-mirror.ts', 'GStaffMirrorRecord', 'source'),
  'change.source': () => unionOf('gstaff/gstaff-mirror.ts', 'GStaffMirrorRecord', 'source'),
};

/** Every string an expression can be, or undefined when it is not built from literals. */
function stringsOf(e: ts.Expression, unresolved: string[]): string[] | undefined {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isParenthesizedExpression(e)) return stringsOf(e.expression, unresolved);
  if (ts.isConditionalExpression(e)) {
    const a = stringsOf(e.whenTrue, unresolved);
    const b = stringsOf(e.whenFalse, unresolved);
    return a && b ? [...a, ...b] : undefined;
  }
  if (ts.isTemplateExpression(e)) {
    let texts = [e.head.text];
    for (const span of e.templateSpans) {
      const values = stringsOf(span.expression, []) ?? TEMPLATE_VALUES[span.expression.getText()]?.();
      if (!values) {
        unresolved.push(span.expression.getText());
        return [];
      }
      texts = texts.flatMap((t) => values.map((v) => t + v + span.literal.text));
    }
    return texts;
  }
  return undefined;
}

const where = (n: ts.Node) =>
  `${relative(CORE, n.getSourceFile().fileName)}:${n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1}`;

/**
 * The audit operation names core writes: each `operation: …` of an object literal, and each
 * argument passed to a function's parameter named `operation` (an exported function anywhere, a
 * file's own function in that file). A variable passed on (`operation`) is the caller's name.
 */
function auditOperations(): { operations: Set<string>; unresolved: string[] } {
  const exported = new Map<string, number>();
  const local = new Map<string, Map<string, number>>();
  for (const s of sources) {
    visit(s, (n) => {
      if (!ts.isFunctionLike(n) || !('parameters' in n)) return;
      const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'operation');
      if (index < 0) return;
      const declaration: ts.Node = ts.isArrowFunction(n) || ts.isFunctionExpression(n) ? n.parent : n;
      const named = ts.isVariableDeclaration(declaration) || ts.isFunctionDeclaration(declaration);
      const name =
        named && declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
      if (!name) return;
      const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
      const isExported = ts.canHaveModifiers(statement)
        ? (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (isExported) exported.set(name, index);
      else local.set(s.fileName, (local.get(s.fileName) ?? new Map()).set(name, index));
    });
  }
  const operations = new Set<string>();
  const unresolved: string[] = [];
  const take = (e: ts.Expression) => {
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) return;
    const values = stringsOf(e, unresolved);
    if (!values) unresolved.push(`${where(e)} ${e.getText()}`);
    for (const v of values ?? []) operations.add(v);
  };
  for (const s of sources) {
    visit(s, (n) => {
      if (ts.isPropertyAssignment(n) && n.name.getText() === 'operation') take(n.initializer);
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text : undefined;
        const index = name && (local.get(s.fileName)?.get(name) ?? exported.get(name));
        const argument = typeof index === 'number' ? n.arguments[index] : undefined;
        if (argument) take(argument);
      }
    });
  }
  return { operations, unresolved };
}

/** The names of the hub's own actors: systemActor('…') and `{ kind: 'SYSTEM', name: '…' }`. */
function systemActors(): Set<string> {
  const names = new Set<string>();
  const unresolved: string[] = [];
  const take = (e: ts.Expression) => {
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) return;
    for (const v of stringsOf(e, unresolved) ?? []) names.add(v);
  };
  for (const s of sources) {
    visit(s, (n) => {
      if (ts.isCallExpression(n) && n.expression.getText() === 'systemActor' && n.arguments[0])
        take(n.arguments[0]);
      if (
        ts.isObjectLiteralExpression(n) &&
        n.properties.some(
          (p) =>
            ts.isPropertyAssignment(p) &&
            p.name.getText() === 'kind' &&
            p.initializer.getText() === "'SYSTEM'",
        )
      ) {
        for (const p of n.properties)
          if (ts.isPropertyAssignment(p) && p.name.getText() === 'name') take(p.initializer);
      }
    });
  }
  expect(unresolved).toEqual([]);
  return names;
}

/** Entity types whose records never reach a client's audit trail (the hub's bookkeeping). */
const NOT_AUDITED = new Set([
  'WEB_SUBMISSION',
  'MAIL_MESSAGE',
  'WORKER_ASSIGNMENT',
  'NOTIFICATION',
  'SYNC_RUN',
  'SYNC_CURSOR',
  'JOB_LEASE',
  'KINTONE_NOTIFICATION',
  'WORKER',
]);
/** Never an audited change (core/audit.ts BOOKKEEPING). */
const BOOKKEEPING = new Set(['version', 'updatedAt']);

/** The top-level fields of each LedgerEntity's value (core/ledger.ts), by entity type, from the type checker. */
function ledgerFields(): Map<string, string[]> {
  const root = join(CORE, 'ledger.ts');
  const program = ts.createProgram([root], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(root) as ts.SourceFile;
  const alias = file.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'LedgerEntity',
  ) as ts.TypeAliasDeclaration;
  const union = checker.getTypeAtLocation(alias.name) as ts.UnionType;
  const fields = new Map<string, string[]>();
  for (const member of union.types) {
    const type = checker.getTypeOfSymbol(member.getProperty('type') as ts.Symbol) as ts.StringLiteralType;
    const value = checker.getTypeOfSymbol(member.getProperty('value') as ts.Symbol);
    const names = new Set<string>();
    for (const variant of value.isUnion() ? value.types : [value])
      for (const p of variant.getProperties()) names.add(p.name);
    fields.set(type.value, [...names]);
  }
  return fields;
}

/**
 * The fields of the audit events core writes from its own objects rather than a ledger record
 * (e.g. a contract's download): the keys of object literals given as `before` / `after` to auditChange.
 */
function adHocAuditFields(): Set<string> {
  const keys = new Set<string>();
  const collect = (e: ts.Expression) => {
    if (ts.isParenthesizedExpression(e)) return collect(e.expression);
    if (ts.isConditionalExpression(e)) {
      collect(e.whenTrue);
      collect(e.whenFalse);
      return;
    }
    if (!ts.isObjectLiteralExpression(e)) return;
    for (const p of e.properties) {
      if (ts.isSpreadAssignment(p)) collect(p.expression);
      else if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) keys.add(p.name.text);
    }
  };
  for (const s of sources) {
    visit(s, (n) => {
      if (!ts.isCallExpression(n) || n.expression.getText() !== 'auditChange') return;
      const event = n.arguments[1];
      if (!event || !ts.isObjectLiteralExpression(event)) return;
      for (const p of event.properties)
        if (ts.isPropertyAssignment(p) && ['before', 'after'].includes(p.name.getText()))
          collect(p.initializer);
    });
  }
  return keys;
}

const knownInBoth = (name: EnumName, codes: Iterable<string>) =>
  [...codes].filter((code) => languages.some((i18n) => i18n.known(name, code) === undefined)).sort();

describe('the codes read from the hub all have labels', () => {
  it('every audit operation name core writes', () => {
    const { operations, unresolved } = auditOperations();
    expect(unresolved).toEqual([]);
    // The extraction finds the well-known ones (it cannot silently find nothing).
    expect([...operations]).toEqual(
      expect.arrayContaining([
        'inquiry.recordFirstContact',
        'inquiry.route',
        'visit.record',
        'approval.decide',
        'kintone.orders.changed',
        'workflow.validated',
        'contract.store',
      ]),
    );
    expect(operations.size).toBeGreaterThan(60);
    expect(knownInBoth('AuditOperation', operations)).toEqual([]);
  });

  it('every kind of an application history entry, and no label for a kind that is gone', () => {
    expect(knownInBoth('ApplicationEventKind', historyKinds)).toEqual([]);
    expect(Object.keys(ENUM_LABELS.ja.ApplicationEventKind).sort()).toEqual([...historyKinds].sort());
  });

  it('every field of a ledger record the audit trail names', () => {
    const fields = ledgerFields();
    expect([...fields.keys()]).toEqual(expect.arrayContaining(['CLIENT', 'INQUIRY', 'APPLICATION', 'VISIT']));
    const audited = [...fields]
      .filter(([type]) => !NOT_AUDITED.has(type))
      .flatMap(([, names]) => names)
      .filter((f) => !BOOKKEEPING.has(f));
    expect(audited).toEqual(expect.arrayContaining(['firstContact', 'status', 'stage', 'salesRepId']));
    expect(knownInBoth('LedgerField', new Set(audited))).toEqual([]);
  });

  it('every field of an audit event core writes from its own object', () => {
    // …and the G-Staff facts a mirror change names (picked by a list, not written out).
    const fields = new Set([
      ...adHocAuditFields(),
      ...constArray('gstaff/gstaff-mirror.ts', 'SHOWN_ON_CLIENT'),
    ]);
    expect([...fields]).toEqual(expect.arrayContaining(['fileName', 'expiresInSeconds', 'escalatedTo']));
    const unlabelled = [...fields].filter((f) =>
      languages.some((i18n) => fieldLabel(i18n, 'AUDIT', f) === undefined),
    );
    expect(unlabelled.sort()).toEqual([]);
  });

  it('every field of a kintone order or visit record and of a client shared with G-Staff', () => {
    const order = unionFieldsOf('kintone/order.ts', 'OrderRecord');
    const visitRecord = unionFieldsOf('kintone/order.ts', 'VisitRecordEntry');
    const gstaff = constArray('sync/gstaff-conflicts.ts', 'GSTAFF_SHARED_FIELDS');
    expect(order).toEqual(expect.arrayContaining(['summary', 'jobCategory', 'status']));
    expect(knownInBoth('RecordField', new Set([...order, ...visitRecord, ...gstaff]))).toEqual([]);
  });

  it('every system actor, kintone app, record subject and hearing source', () => {
    const actors = systemActors();
    expect([...actors]).toEqual(expect.arrayContaining(['workflow', 'deadline-job', 'kintone-sync']));
    expect(knownInBoth('AuditActorSystem', actors)).toEqual([]);
    expect(
      knownInBoth('SyncApp', [...constArray('sync/sync-model.ts', 'SYNCED_KINTONE_APPS'), 'clients']),
    ).toEqual([]);
    expect(
      knownInBoth(
        'KintoneSubject',
        unionOf('kintone/kintone-outbox.ts', 'KintoneOutboxState', 'subjectType'),
      ),
    ).toEqual([]);
    expect(
      knownInBoth('HearingSource', unionOf('hearing-sheets/hearing-sheet.ts', 'ItemSource', 'via')),
    ).toEqual([]);
    expect(knownInBoth('AttachmentState', unionOf('visits/visit.ts', 'VisitAttachment', 'state'))).toEqual(
      [],
    );
    expect(
      knownInBoth('LastChangedBy', unionOf('sync/sync-model.ts', 'SyncedKintoneRecord', 'lastChangedBy')),
    ).toEqual([]);
  });
});

/** The property names of an interface in a core file. */
function unionFieldsOf(path: string, name: string): string[] {
  const names: string[] = [];
  visit(source(path), (n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === name)
      for (const m of n.members) if (m.name && ts.isIdentifier(m.name)) names.push(m.name.text);
  });
  expect(names, `${path} ${name}`).not.toEqual([]);
  return names;
}

describe('a code on the screen', () => {
  it('reads in the staff’s words, in either language', () => {
    const [ja, en] = languages;
    expect(ja.label('AuditOperation', 'inquiry.recordFirstContact')).toBe('一次対応の記録');
    expect(en.label('AuditOperation', 'inquiry.recordFirstContact')).toBe('First contact recorded');
    expect(ja.label('ApplicationEventKind', 'VALIDATED')).toBe('入力内容の確認済み');
    expect(ja.label('SyncApp', 'orders')).toBe('オーダー');
    expect(ja.label('LedgerField', 'firstContact')).toBe('一次対応');
    expect(ja.label('RecordField', 'summary')).toBe('依頼内容');
  });

  it('names a workflow step after its history kind', () => {
    expect(translator('ja').known('AuditOperation', 'workflow.gstaff_not_updated')).toBe(
      'ワークフロー: Gスタッフ未更新',
    );
    expect(translator('en').known('AuditOperation', 'workflow.validated')).toBe('Workflow: Inputs checked');
    expect(translator('ja').known('AuditOperation', 'workflow.nothing_like_it')).toBeUndefined();
  });

  it('that the console does not know yet is shown as itself, never a crash', () => {
    const ja = translator('ja');
    expect(ja.known('AuditOperation', 'order.teleport')).toBeUndefined();
    expect(ja.label('AuditOperation', 'order.teleport')).toBe('order.teleport');
    expect(ja.known('LedgerField', 'constructor')).toBeUndefined();
    expect(ja.known('LedgerField', 'toString')).toBeUndefined();
    expect(ja.label('LedgerField', null)).toBe('—');
  });

  it('names a pool and the people escalated to; a user ID is left to the screen', () => {
    const [ja, en] = languages;
    expect(ja.pool('MANAGER SALES_TOKYO')).toBe('東京営業部のマネージャー');
    expect(en.pool('MANAGER SALES_TOKYO')).toBe('Manager, Sales Tokyo');
    expect(ja.pool('MARKETING')).toBe('マーケティング部');
    expect(ja.pool('applicant and supervisor')).toBe('申請者と上長');
    expect(ja.pool('u-sales-tokyo-1')).toBeUndefined();
    expect(ja.pool('MANAGER NOWHERE')).toBeUndefined();
  });

  it('labels a kintone record’s audited fields as the record names them', () => {
    expect(fieldTable('KINTONE_RECORD')).toBe('RecordField');
    expect(fieldTable('INQUIRY')).toBe('LedgerField');
  });

  it('shows a history entry’s detail in words where it is a code or a time', () => {
    const ja = translator('ja');
    expect(historyDetail(ja, 'SUBMITTED', 'NON_STANDARD')).toBe('定形外（先方書式）');
    expect(historyDetail(ja, 'DELAYED', '2026-12-01T00:30:00.000Z')).toBe('期限: 2026/12/01 09:30');
    expect(historyDetail(ja, 'STORED', 'GS-123')).toBe('GS-123');
    expect(historyDetail(ja, 'SUBMITTED', undefined)).toBe('');
  });
});

describe('a fact of the ledger', () => {
  it('reads in words: yes / no, the hazard rating, the billing rate and its unit, details after a yes', () => {
    const [ja, en] = languages;
    expect(factText(ja, 'hazardRating', 'HIGH')).toBe('高');
    expect(factText(ja, 'hazardousWork', false)).toBe('いいえ');
    expect(factText(ja, 'billingRate', { amountYen: 1800, unit: 'HOUR' })).toBe('1,800円（時給）');
    expect(factText(en, 'billingRate', { amountYen: 1800, unit: 'HOUR' })).toBe('¥1,800 (Hourly)');
    expect(factText(ja, 'overtime', { expected: true, hoursPerMonth: 20 })).toBe('はい（月20時間）');
    expect(factText(ja, 'overtime', { expected: false, hoursPerMonth: null })).toBe('いいえ');
    expect(factText(ja, 'safetyTraining', { yes: true, details: '入場時教育' })).toBe('はい（入場時教育）');
    expect(factText(ja, 'jobCategory', '軽作業')).toBe('軽作業');
    expect(factText(ja, 'somethingNew', { a: 1 })).toBe('{"a":1}');
  });
});
