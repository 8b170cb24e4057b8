import { createContext, useContext, useEffect } from 'react';
import type { TicketStream } from '../tickets/ticketStream';
import type { CustomerAssist } from './useCustomerAssist';

/** The portal page's remote assistance, for the ticket page to feed its ticket's stream into. */
export const CustomerAssistContext = createContext<CustomerAssist | null>(null);

/**
 * On a portal ticket page: loads the ticket's assist sessions (a request made before the page was open,
 * or a consent a reload interrupted) and passes the ticket stream's assist events on. Renders nothing.
 */
export function AssistTicketWatch({ ticketId, stream }: { ticketId: string; stream: TicketStream | null }) {
  const assist = useContext(CustomerAssistContext);
  const receive = assist?.receive;
  const watchTicket = assist?.watchTicket;
  useEffect(() => {
    watchTicket?.(ticketId);
  }, [watchTicket, ticketId]);
  useEffect(() => {
    if (!stream || !receive) return;
    return stream.listen((event) => receive(event));
  }, [stream, receive]);
  return null;
}
