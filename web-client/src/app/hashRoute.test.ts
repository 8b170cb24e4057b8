import { describe, expect, it } from 'vitest';
import { incidentsHref, parseRoute, routeKey, slaHref, ticketHref } from './hashRoute';

describe('parseRoute', () => {
  it('finds the ticket id in the hash', () => {
    expect(parseRoute('#/tickets/abc-1')).toEqual({ name: 'ticket', id: 'abc-1' });
    expect(parseRoute('#/tickets/abc-1/')).toEqual({ name: 'ticket', id: 'abc-1' });
    expect(parseRoute(ticketHref('a b/c'))).toEqual({ name: 'ticket', id: 'a b/c' });
  });

  it('falls back to the list', () => {
    expect(parseRoute('')).toEqual({ name: 'list' });
    expect(parseRoute('#/')).toEqual({ name: 'list' });
    expect(parseRoute('#main')).toEqual({ name: 'list' });
    expect(parseRoute('#/tickets/')).toEqual({ name: 'list' });
    expect(parseRoute('#/tickets/%E0%A4%A')).toEqual({ name: 'list' });
  });
});

describe('console screens', () => {
  it('finds the war room and the SLA settings sections', () => {
    expect(parseRoute(incidentsHref)).toEqual({ name: 'incidents' });
    expect(parseRoute('#/incidents/')).toEqual({ name: 'incidents' });
    expect(parseRoute(slaHref('calendars'))).toEqual({ name: 'sla', section: 'calendars' });
    expect(parseRoute('#/sla')).toEqual({ name: 'sla', section: 'policies' });
    expect(parseRoute('#/sla/nonsense')).toEqual({ name: 'sla', section: 'policies' });
    expect(parseRoute('#/slant')).toEqual({ name: 'list' });
  });

  it('gives each screen its own key', () => {
    expect(routeKey({ name: 'list' })).toBe('list');
    expect(routeKey({ name: 'ticket', id: '7' })).toBe('ticket:7');
    expect(routeKey({ name: 'sla', section: 'groups' })).toBe('sla:groups');
    expect(routeKey({ name: 'incidents' })).toBe('incidents');
  });
});
