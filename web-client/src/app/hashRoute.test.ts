import { describe, expect, it } from 'vitest';
import { parseRoute, ticketHref } from './hashRoute';

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
