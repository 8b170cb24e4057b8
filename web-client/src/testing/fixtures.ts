import type { Session, Ticket, User } from '../api/types';

export const alice: User = { id: 'u-alice', username: 'alice', displayName: 'Alice Agent', role: 'AGENT' };
export const carol: User = { id: 'u-carol', username: 'carol', displayName: 'Carol Customer', role: 'CUSTOMER' };

export function sessionFor(user: User, token = `token-${user.username}`): Session {
  return { token, expiresAt: '2999-01-01T00:00:00Z', user };
}

let counter = 0;

/** A valid ticket; override what the test cares about. */
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  counter += 1;
  return {
    id: `t-${counter}`,
    number: 1000 + counter,
    subject: `Printer on fire ${counter}`,
    description: 'It smells of smoke.',
    status: 'OPEN',
    priority: 'P2',
    customer: { id: carol.id, displayName: carol.displayName },
    assignee: null,
    tags: [],
    createdAt: '2026-11-22T08:00:00Z',
    updatedAt: '2026-11-22T08:05:00Z',
    version: 1,
    sla: {
      policy: 'P2',
      state: 'OK',
      firstResponseDueAt: '2026-11-22T09:00:00Z',
      nextResponseDueAt: null,
      resolutionDueAt: '2026-11-22T16:00:00Z',
    },
    ...overrides,
  };
}
