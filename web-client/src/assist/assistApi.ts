import type { ApiClient, CallOptions } from '../api/client';
import type { AssistScope } from '../api/types';
import { asAssistSession, type AssistSessionView } from '../webrtc/assistState';
import { parseJoinAnswer, type JoinAnswer } from '../webrtc/protocol';

/** The REST calls of remote assistance (shared/CONTRACT.md "Remote assistance" and its extensions). */
export interface AssistApi {
  /** Agent: ask the ticket's customer to share their screen. 409 while another request is live. */
  request(ticketId: string, scopes: AssistScope[], reason: string): Promise<AssistSessionView>;
  /** Every session of a ticket, newest first. */
  ofTicket(ticketId: string, options?: CallOptions): Promise<AssistSessionView[]>;
  /** Supervisor: the live sessions of every ticket. */
  live(options?: CallOptions): Promise<AssistSessionView[]>;
  /** Customer: the consent dialog is on screen. */
  shown(id: string): Promise<AssistSessionView | null>;
  consent(id: string, scopes: AssistScope[]): Promise<AssistSessionView>;
  decline(id: string): Promise<AssistSessionView | null>;
  revoke(id: string): Promise<AssistSessionView | null>;
  end(id: string): Promise<AssistSessionView | null>;
  /** Customer: fewer scopes (view stays). */
  narrow(id: string, scopes: AssistScope[]): Promise<AssistSessionView | null>;
  join(id: string): Promise<JoinAnswer>;
}

const sessionPath = (id: string) => `/api/assist-sessions/${encodeURIComponent(id)}`;

function sessions(value: unknown): AssistSessionView[] {
  const list = Array.isArray(value) ? value : Array.isArray((value as { items?: unknown })?.items) ? (value as { items: unknown[] }).items : [];
  return list.map(asAssistSession).filter((session): session is AssistSessionView => session !== null);
}

function one(value: unknown): AssistSessionView {
  const session = asAssistSession(value);
  if (!session) throw new Error('The server answered without an assist session.');
  return session;
}

export function createAssistApi(api: ApiClient): AssistApi {
  const post = async (id: string, action: string, body?: unknown) => asAssistSession(await api.call<unknown>('POST', `${sessionPath(id)}/${action}`, body));
  return {
    request: async (ticketId, scopes, reason) =>
      one(await api.call<unknown>('POST', `/api/tickets/${encodeURIComponent(ticketId)}/assist-sessions`, { scopes, reason })),
    ofTicket: async (ticketId, options) => sessions(await api.call<unknown>('GET', `/api/tickets/${encodeURIComponent(ticketId)}/assist-sessions`, undefined, options)),
    live: async (options) => sessions(await api.call<unknown>('GET', '/api/assist-sessions?state=live', undefined, options)),
    shown: (id) => post(id, 'shown'),
    consent: async (id, scopes) => one(await api.call<unknown>('POST', `${sessionPath(id)}/consent`, { scopes })),
    decline: (id) => post(id, 'decline'),
    revoke: (id) => post(id, 'revoke'),
    end: (id) => post(id, 'end'),
    narrow: async (id, scopes) => asAssistSession(await api.call<unknown>('PUT', `${sessionPath(id)}/scopes`, { scopes })),
    async join(id) {
      const answer = parseJoinAnswer(await api.call<unknown>('POST', `${sessionPath(id)}/join`));
      if (!answer) throw new Error('The server answered the join without a token.');
      return answer;
    },
  };
}
