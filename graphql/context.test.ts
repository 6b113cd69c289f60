import { describe, expect, it } from 'vitest';
import { actorFromClaims } from './context.js';

describe('actorFromClaims (one function for every host)', () => {
  it('reads the dev sign-in claims', () => {
    expect(actorFromClaims({ sub: 'sales.tokyo1', role: 'SALES', department: 'SALES_TOKYO' })).toEqual({
      userId: 'sales.tokyo1',
      role: 'SALES',
      department: 'SALES_TOKYO',
    });
  });

  it('reads Cognito ID-token claims as API Gateway’s JWT authorizer passes them', () => {
    expect(
      actorFromClaims({
        sub: '7d4b6c1e-0000-4000-8000-000000000000',
        'cognito:username': 'mgr.osaka',
        'cognito:groups': '[MANAGER]',
        'custom:department': 'SALES_OSAKA',
      }),
    ).toEqual({ userId: 'mgr.osaka', role: 'MANAGER', department: 'SALES_OSAKA' });
    expect(actorFromClaims({ sub: 'x', 'cognito:groups': ['Other', 'legal'] })).toEqual({
      userId: 'x',
      role: 'LEGAL',
    });
  });

  it('refuses claims that name no known role', () => {
    expect(actorFromClaims({ sub: 'x' })).toBeUndefined();
    expect(actorFromClaims({ sub: 'x', role: 'CEO' })).toBeUndefined();
    expect(actorFromClaims(undefined)).toBeUndefined();
  });
});
