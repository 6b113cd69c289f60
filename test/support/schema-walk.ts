/**
 * Walks the GraphQL schema to build queries that touch every field reachable from a page, so a
 * field added later is part of the N+1 test without anyone listing it. A type is not entered
 * again below itself (Client → inquiries → Inquiry → client stops there), fields that need an
 * argument the page cannot supply are left out, and the walk is split into one query per field
 * of the row (recursively), so a failure names the field that reads once per row.
 */
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

/** A selection set: leaf fields, and object fields (or fragments on a union member) with their own. */
export interface Selection {
  leaves: string[];
  children: { head: string; selection: Selection }[];
}

export interface PagedList {
  /** The Query field. */
  field: string;
  /** How rows are reached below the field: `edges { node … }` for a connection, directly for a list. */
  connection: boolean;
  node: GraphQLObjectType;
}

const needsArgument = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** The Query fields that return a page: connections, and lists that take `first`. */
export function pagedLists(schema: GraphQLSchema): PagedList[] {
  const lists: PagedList[] = [];
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (needsArgument(field) || !field.args.some((a) => a.name === 'first')) continue;
    let type = field.type;
    if (isNonNullType(type)) type = type.ofType;
    const named = getNamedType(type);
    if (isListType(type) && isObjectType(named)) {
      lists.push({ field: field.name, connection: false, node: named });
      continue;
    }
    if (!isObjectType(named)) continue;
    const edges = named.getFields().edges;
    const node =
      edges && isObjectType(getNamedType(edges.type))
        ? (getNamedType(edges.type) as GraphQLObjectType).getFields().node
        : undefined;
    const nodeType = node ? getNamedType(node.type) : undefined;
    if (nodeType && isObjectType(nodeType))
      lists.push({ field: field.name, connection: true, node: nodeType });
  }
  return lists;
}

/** Everything reachable from `type` within `depth` levels of fields, without entering a type twice on a path. */
export function fullSelection(
  type: GraphQLNamedType,
  depth: number,
  onPath: ReadonlySet<string> = new Set(),
): Selection | undefined {
  if (depth <= 0) return undefined;
  if (isUnionType(type)) {
    const children = type.getTypes().flatMap((member) => {
      const selection = fullSelection(member, depth, onPath);
      return selection ? [{ head: `... on ${member.name}`, selection }] : [];
    });
    return { leaves: ['__typename'], children };
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  if (onPath.has(type.name)) return undefined;
  const below = new Set(onPath).add(type.name);
  const selection: Selection = { leaves: ['__typename'], children: [] };
  for (const field of Object.values(type.getFields())) {
    if (needsArgument(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      selection.leaves.push(field.name);
      continue;
    }
    const child = fullSelection(named, depth - 1, below);
    if (child) selection.children.push({ head: field.name, selection: child });
  }
  return selection;
}

export function printSelection(selection: Selection): string {
  const children = selection.children.map((c) => `${c.head} ${printSelection(c.selection)}`);
  return `{ ${[...selection.leaves, ...children].join(' ')} }`;
}

/** The same ground in several selections: the leaves, then each child (split the same way) on its own. */
export function splitSelection(selection: Selection): Selection[] {
  if (selection.children.length === 0) return [selection];
  return [
    { leaves: selection.leaves, children: [] },
    ...selection.children.flatMap((child) =>
      (child.selection.children.length > 1 ? splitSelection(child.selection) : [child.selection]).map(
        (part) => ({ leaves: ['__typename'], children: [{ head: child.head, selection: part }] }),
      ),
    ),
  ];
}

/** Every field a selection reaches, as dotted paths (to show what a test covered). */
export function fieldPaths(selection: Selection, prefix = ''): string[] {
  return [
    ...selection.leaves.filter((l) => l !== '__typename').map((l) => `${prefix}${l}`),
    ...selection.children.flatMap((c) => fieldPaths(c.selection, `${prefix}${c.head}.`)),
  ];
}

/** The page query around a row selection. */
export function pageQuery(list: PagedList, first: number, rows: Selection): string {
  const row = printSelection(rows);
  return list.connection
    ? `query { ${list.field}(first: ${first}) { pageInfo { hasNextPage } edges { cursor node ${row} } } }`
    : `query { ${list.field}(first: ${first}) ${row} }`;
}
