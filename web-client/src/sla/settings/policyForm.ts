import type { Priority } from '../../api/types';
import { fromDurationInput, parseIsoDuration, toDurationInput, toIsoDuration, type DurationInput, type DurationInputError } from '../isoDuration';
import { ROUND_THE_CLOCK, type SlaPolicy } from '../types';

export const DURATION_FIELDS = ['firstResponse', 'nextResponse', 'resolution', 'warnBefore'] as const;
export type DurationField = (typeof DURATION_FIELDS)[number];

/** The fields of the policy form, for matching the server's validation errors. */
export const POLICY_FIELDS = [...DURATION_FIELDS, 'calendar', 'notifySupervisors', 'reassignToGroup', 'escalation'] as const;

/** A policy as the form edits it: durations as amount and unit, escalation flattened. */
export interface PolicyDraft {
  priority: Priority;
  durations: Record<DurationField, DurationInput>;
  calendar: string;
  notifySupervisors: boolean;
  /** A group name, or '' to keep the assignee. */
  reassignToGroup: string;
}

export function policyToDraft(policy: SlaPolicy): PolicyDraft {
  const durations = {} as Record<DurationField, DurationInput>;
  for (const field of DURATION_FIELDS) durations[field] = toDurationInput(parseIsoDuration(policy[field]));
  return {
    priority: policy.priority,
    durations,
    calendar: policy.calendar || ROUND_THE_CLOCK,
    notifySupervisors: policy.escalation?.notifySupervisors ?? true,
    reassignToGroup: policy.escalation?.reassignToGroup ?? '',
  };
}

/** Next response may be left empty (no next-response target); a warning of 0 means none. */
const INPUT_RULES: Record<DurationField, { optional?: boolean; allowZero?: boolean }> = {
  firstResponse: {},
  nextResponse: { optional: true },
  resolution: {},
  warnBefore: { allowZero: true },
};

/**
 * The policy to PUT (durations as ISO-8601: `1.5 hours` -> `PT1H30M`; an empty next response as null),
 * or the fields typed wrong. Whether the targets make sense together (e.g. a warning shorter than the
 * first response) is the server's to say.
 */
export function draftToPolicy(draft: PolicyDraft): { policy: SlaPolicy } | { errors: Partial<Record<DurationField, DurationInputError>> } {
  const errors: Partial<Record<DurationField, DurationInputError>> = {};
  const iso = {} as Record<DurationField, string | null>;
  for (const field of DURATION_FIELDS) {
    const parsed = fromDurationInput(draft.durations[field], INPUT_RULES[field]);
    if ('error' in parsed) errors[field] = parsed.error;
    else iso[field] = parsed.ms === null ? null : toIsoDuration(parsed.ms);
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    policy: {
      priority: draft.priority,
      firstResponse: iso.firstResponse as string,
      nextResponse: iso.nextResponse,
      resolution: iso.resolution as string,
      warnBefore: iso.warnBefore as string,
      calendar: draft.calendar || ROUND_THE_CLOCK,
      escalation: { notifySupervisors: draft.notifySupervisors, reassignToGroup: draft.reassignToGroup || null },
    },
  };
}
