import type { ApiClient, CallOptions } from '../api/client';
import type { PersonRef, Priority } from '../api/types';
import type { BusinessCalendar, EscalationGroup, Incident, SlaPolicy } from './types';

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const segment = encodeURIComponent;

/** The SLA calls of the API, typed, over the page's ApiClient (same token, errors and 401 handling). */
export function slaApi(api: ApiClient) {
  return {
    /** `{now}`: the server's clock, for the browser's offset estimate. */
    time: (call?: CallOptions) => api.call<{ now?: unknown }>('GET', '/api/time', undefined, { signal: call?.signal }),

    policies: async (call?: CallOptions) => asArray<SlaPolicy>(await api.call<unknown>('GET', '/api/sla-policies', undefined, { signal: call?.signal })),
    savePolicy: (priority: Priority, policy: SlaPolicy, call?: CallOptions) =>
      api.call<SlaPolicy>('PUT', `/api/sla-policies/${segment(priority)}`, policy, { signal: call?.signal }),

    calendars: async (call?: CallOptions) => asArray<BusinessCalendar>(await api.call<unknown>('GET', '/api/calendars', undefined, { signal: call?.signal })),
    saveCalendar: (calendar: BusinessCalendar, call?: CallOptions) =>
      api.call<BusinessCalendar>('PUT', `/api/calendars/${segment(calendar.id)}`, calendar, { signal: call?.signal }),
    deleteCalendar: (id: string, call?: CallOptions) => api.call<void>('DELETE', `/api/calendars/${segment(id)}`, undefined, { signal: call?.signal }),

    groups: async (call?: CallOptions) => asArray<EscalationGroup>(await api.call<unknown>('GET', '/api/escalation-groups', undefined, { signal: call?.signal })),
    saveGroup: (name: string, memberIds: string[], call?: CallOptions) =>
      api.call<EscalationGroup>('PUT', `/api/escalation-groups/${segment(name)}`, { memberIds }, { signal: call?.signal }),

    /** Staff who may be put in a group (GET /api/agents of the routing contract). */
    agents: async (call?: CallOptions) => asArray<PersonRef>(await api.call<unknown>('GET', '/api/agents', undefined, { signal: call?.signal })),

    incidents: async (call?: CallOptions) => asArray<Incident>(await api.call<unknown>('GET', '/api/incidents', undefined, { signal: call?.signal })),
    joinIncident: (ticketId: string, call?: CallOptions) =>
      api.call<Incident>('POST', `/api/incidents/${segment(ticketId)}/join`, undefined, { signal: call?.signal }),
  };
}

export type SlaApi = ReturnType<typeof slaApi>;
