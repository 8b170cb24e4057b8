import type { SlaClockName } from '../api/types';
import type { MessageKey } from '../i18n/en';

/** The translated name of each SLA clock. */
export const CLOCK_NAMES: Record<SlaClockName, MessageKey> = {
  acknowledge: 'sla.clock.acknowledge',
  firstResponse: 'sla.clock.firstResponse',
  nextResponse: 'sla.clock.nextResponse',
  resolution: 'sla.clock.resolution',
};
