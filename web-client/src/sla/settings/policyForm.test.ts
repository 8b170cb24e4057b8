import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import type { SlaPolicy } from '../types';
import { splitFieldErrors } from './fieldErrors';
import { draftToPolicy, POLICY_FIELDS, policyToDraft } from './policyForm';

const p1: SlaPolicy = {
  priority: 'P1',
  firstResponse: 'PT15M',
  nextResponse: 'PT30M',
  resolution: 'PT4H',
  warnBefore: 'PT3M45S',
  calendar: '24x7',
  escalation: { notifySupervisors: true, reassignToGroup: 'tier2' },
};

describe('policy form ISO conversions', () => {
  it('shows ISO durations in friendly units', () => {
    const draft = policyToDraft(p1);
    expect(draft.durations).toEqual({
      firstResponse: { amount: '15', unit: 'minutes' },
      nextResponse: { amount: '30', unit: 'minutes' },
      resolution: { amount: '4', unit: 'hours' },
      warnBefore: { amount: '3.75', unit: 'minutes' },
    });
    expect(draft).toMatchObject({ calendar: '24x7', notifySupervisors: true, reassignToGroup: 'tier2' });
    expect(policyToDraft({ ...p1, resolution: 'PT72H' }).durations.resolution).toEqual({ amount: '3', unit: 'days' });
  });

  it('sends what was typed as ISO-8601', () => {
    const draft = policyToDraft(p1);
    draft.durations.firstResponse = { amount: '1.5', unit: 'hours' };
    draft.durations.resolution = { amount: '2', unit: 'days' };
    draft.reassignToGroup = '';
    expect(draftToPolicy(draft)).toEqual({
      policy: {
        priority: 'P1',
        firstResponse: 'PT1H30M',
        nextResponse: 'PT30M',
        resolution: 'PT48H',
        warnBefore: 'PT3M45S',
        calendar: '24x7',
        escalation: { notifySupervisors: true, reassignToGroup: null },
      },
    });
  });

  it('round-trips an unchanged policy', () => {
    expect(draftToPolicy(policyToDraft(p1))).toEqual({ policy: p1 });
  });

  it('reads a policy without escalation as notify supervisors, keep the assignee', () => {
    const { escalation: _omit, ...bare } = p1;
    expect(policyToDraft(bare)).toMatchObject({ notifySupervisors: true, reassignToGroup: '' });
  });

  it('sends an empty next response as no target, and a warning of 0 as none', () => {
    const draft = policyToDraft({ ...p1, nextResponse: null, warnBefore: 'PT0S' });
    expect(draft.durations.nextResponse).toEqual({ amount: '', unit: 'minutes' });
    expect(draft.durations.warnBefore).toEqual({ amount: '0', unit: 'minutes' });
    expect(draftToPolicy(draft)).toMatchObject({ policy: { nextResponse: null, warnBefore: 'PT0S' } });
  });

  it('says which fields are typed wrong instead of sending', () => {
    const draft = policyToDraft(p1);
    draft.durations.firstResponse = { amount: '', unit: 'minutes' };
    draft.durations.resolution = { amount: '0', unit: 'hours' };
    draft.durations.warnBefore = { amount: 'soon', unit: 'minutes' };
    expect(draftToPolicy(draft)).toEqual({ errors: { firstResponse: 'required', resolution: 'positive', warnBefore: 'number' } });
  });
});

describe('splitFieldErrors', () => {
  const problem = new ApiError({
    status: 400,
    title: 'Bad Request',
    errors: [
      { field: 'warnBefore', message: 'must be shorter than the first response' },
      { field: 'escalation.reassignToGroup', message: 'no such group' },
      { field: 'policy.resolution', message: 'too long' },
      { field: 'priority', message: 'unknown' },
      { field: '', message: 'something else' },
    ],
  });

  it('puts each message beside its field, and the rest above the form', () => {
    expect(splitFieldErrors(problem, POLICY_FIELDS)).toEqual({
      byField: {
        warnBefore: ['must be shorter than the first response'],
        reassignToGroup: ['no such group'],
        resolution: ['too long'],
      },
      other: ['priority: unknown', 'something else'],
    });
  });

  it('prefers the most specific field and reads indexed paths', () => {
    const calendar = new ApiError({
      status: 400,
      title: 'Bad Request',
      errors: [
        { field: 'hours.MONDAY[0].to', message: 'must be after from' },
        { field: 'holidays[1]', message: 'not a date' },
        { field: 'hours', message: 'no hours at all' },
      ],
    });
    expect(splitFieldErrors(calendar, ['hours', 'hours.MONDAY', 'holidays']).byField).toEqual({
      'hours.MONDAY': ['must be after from'],
      holidays: ['not a date'],
      hours: ['no hours at all'],
    });
  });

  it('is empty for anything but an API error', () => {
    expect(splitFieldErrors(new Error('x'), POLICY_FIELDS)).toEqual({ byField: {}, other: [] });
  });
});
