import type { Priority } from '../api/types';
import { useT } from '../i18n/I18nProvider';

/** `P1`…`P4` in the priority's colour; the name (Urgent, High, …) is the accessible label. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useT();
  const name = t(`priority.${priority}`);
  return (
    <span className={`badge priority priority-${priority.toLowerCase()}`} title={name} aria-label={`${priority} ${name}`}>
      {priority}
    </span>
  );
}
