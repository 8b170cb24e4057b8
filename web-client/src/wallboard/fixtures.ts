import type { Wallboard } from './figures';

/** A wall board as the server sends it, for tests. */
export function wallboardFixture(overrides: Partial<Wallboard> = {}): Wallboard {
  const hourly = Array.from({ length: 24 }, (_, i) => ({
    start: new Date(Date.UTC(2026, 10, 22, i)).toISOString(),
    opened: { P1: i === 23 ? 2 : 0, P2: 1, P3: 0, P4: 0 },
    firstResponseMedianSeconds: i === 23 ? 900 : null,
    slaCompliance: i === 23 ? 0.5 : null,
  }));
  return {
    at: '2026-11-22T23:30:00Z',
    openByPriority: { P1: 2, P2: 3, P3: 4, P4: 1 },
    unassigned: 3,
    slaAtRisk: 1,
    slaBreached: 1,
    agents: [
      { id: 'u-alice', displayName: 'Alice Agent', status: 'AVAILABLE', openAssigned: 4 },
      { id: 'u-bob', displayName: 'Bob Agent', status: 'OFFLINE', openAssigned: 2 },
    ],
    firstResponseMedianSeconds: 1500,
    resolutionMedianSeconds: 9000,
    csatAverage: 4.6,
    fcrRate: 0.75,
    activeAssistSessions: 1,
    repeatRate: 0.1,
    nps: 42,
    slaCompliance: 0.9,
    kbAdoptionRate: 0.4,
    openTotal: 10,
    openedInWindow: 20,
    resolvedInWindow: 12,
    window: 'PT24H',
    targets: { firstResponseSeconds: 1800, resolutionSeconds: 7200, csatAverage: 4.5, repeatRate: 0.05 },
    atRisk: [
      { ticketId: 't-1', number: 1001, subject: 'Checkout down', priority: 'P1', state: 'AT_RISK', clock: 'firstResponse', dueAt: '2026-11-22T23:35:00Z', assignee: null },
      { ticketId: 't-2', number: 1002, subject: 'Slow search', priority: 'P2', state: 'BREACHED', clock: 'resolution', dueAt: '2026-11-22T23:00:00Z', assignee: 'Alice Agent' },
    ],
    hourly,
    ...overrides,
  };
}
