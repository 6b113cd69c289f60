/** The dev sign-in refuses, naming the field, what no staff member could be. Requirement: X-4. */
import { describe, expect, it } from 'vitest';
import { createDevAuth } from './dev-auth.js';

describe('dev sign-in', () => {
  it('refuses a userId longer than a staff member’s (64), naming it', async () => {
    const auth = await createDevAuth();
    expect(await auth.issue({ userId: 'u'.repeat(3000), role: 'ADMIN' })).toEqual({
      fieldErrors: [{ path: 'userId', message: 'must be at most 64 characters' }],
    });
    expect(await auth.issue({ userId: 'u'.repeat(64), role: 'ADMIN' })).toHaveProperty('token');
  });
});
