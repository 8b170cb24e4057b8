import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';

/**
 * The foot of a settings form: its Save button (busy while saving), any other actions, and the notice once saved.
 * `name` prefixes the test ids: `<name>-save`, `<name>-saved`.
 */
export function FormActions({ name, label, busy, notice, children }: { name: string; label: string; busy: boolean; notice: string | null; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="sla-form-actions">
      <button type="submit" className="button button-primary" data-testid={`${name}-save`} disabled={busy} aria-busy={busy}>
        {busy ? t('detail.saving') : label}
      </button>
      {children}
      {notice && (
        <p className="notice" role="status" data-testid={`${name}-saved`}>
          {notice}
        </p>
      )}
    </div>
  );
}
