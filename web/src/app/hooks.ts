/** Loading a query for a screen, and running a mutation whose typed errors go next to the fields. */
import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Outcome, outcomeOf } from '../lib/outcome.js';
import { useSession } from './session.js';

export interface QueryState<R> {
  data: R | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

export function useQuery<R, V>(document: TadaDocumentNode<R, V>, variables: V): QueryState<R> {
  const { api } = useSession();
  const [data, setData] = useState<R>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(variables);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const result = await api(document, JSON.parse(key) as V);
      if (call === latest.current) {
        setData(result);
        setError(undefined);
      }
    } catch (e) {
      if (call === latest.current) setError((e as Error).message);
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, [api, document, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

export interface MutationState {
  busy: boolean;
  message: string | undefined;
  fields: Record<string, string>;
}

/**
 * `run(variables)` calls the mutation, picks the named result field and returns its payload when it
 * is `successType`; otherwise keeps the message and the field errors for the form to show. A
 * ConflictError (someone changed the record since the screen read it) calls `onConflict`, so the
 * screen reads it again and the next attempt carries the current version.
 */
export function useMutation<R, V, F extends keyof R, S extends string>(
  document: TadaDocumentNode<R, V>,
  field: F,
  successType: S,
  options: { onConflict?: () => void } = {},
) {
  const { onConflict } = options;
  const { api } = useSession();
  const [state, setState] = useState<MutationState>({ busy: false, message: undefined, fields: {} });
  const run = useCallback(
    async (variables: V): Promise<Extract<R[F], { __typename: S }> | undefined> => {
      setState({ busy: true, message: undefined, fields: {} });
      try {
        const data = await api(document, variables);
        if ((data[field] as { __typename?: string }).__typename === 'ConflictError') onConflict?.();
        const outcome = outcomeOf(data[field] as R[F] & { __typename: string }, successType) as Outcome<
          Extract<R[F], { __typename: S }>
        >;
        if (outcome.ok) {
          setState({ busy: false, message: undefined, fields: {} });
          return outcome.value;
        }
        setState({ busy: false, message: outcome.message, fields: outcome.fields });
      } catch (e) {
        setState({ busy: false, message: (e as Error).message, fields: {} });
      }
      return undefined;
    },
    [api, document, field, successType, onConflict],
  );
  return { ...state, run };
}
