import { describe, expect, it, vi } from 'vitest';
import type { TicketStreamEvent } from '../realtime/events';
import { createTicketStream } from './ticketStream';

const event = { seq: 1, stream: 'tickets.t1', type: 'typing', at: '', data: { typing: true } } as TicketStreamEvent;

describe('createTicketStream', () => {
  it('fans events and resyncs out to every listener until it stops listening', () => {
    const stream = createTicketStream('t1');
    const first = vi.fn();
    const second = vi.fn();
    const resync = vi.fn();
    const stopFirst = stream.listen(first);
    stream.listen(second);
    stream.onResync(resync);
    stream.emit(event);
    stopFirst();
    stream.emit(event);
    stream.resync();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(resync).toHaveBeenCalledTimes(1);
  });

  it('a listener that throws does not keep the others from the event', () => {
    const stream = createTicketStream('t1');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    stream.listen(() => {
      throw new Error('boom');
    });
    stream.listen(after);
    stream.emit(event);
    expect(after).toHaveBeenCalledWith(event);
    expect(error).toHaveBeenCalled();
  });
});
