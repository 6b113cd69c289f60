import { randomUUID } from 'node:crypto';

/** Id generation is a port too, so tests can predict ids when they need to. */
export interface IdGenerator {
  next(prefix: string): string;
}

export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
};
