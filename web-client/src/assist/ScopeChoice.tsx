import type { AssistScope } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { SCOPES } from '../webrtc/protocol';

/** Checkboxes of the assist scopes; `view` is always on (it is what the others build on). */
export function ScopeChoice({
  offered = SCOPES,
  value,
  onChange,
  name,
  disabled = false,
}: {
  offered?: readonly AssistScope[];
  value: readonly AssistScope[];
  onChange: (scopes: AssistScope[]) => void;
  name: string;
  disabled?: boolean;
}) {
  const t = useT();
  const toggle = (scope: AssistScope, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(scope);
    else next.delete(scope);
    next.add('view');
    onChange(SCOPES.filter((entry) => next.has(entry)));
  };
  return (
    <fieldset className="assist-scopes" disabled={disabled}>
      <legend>{t('assist.scopes')}</legend>
      {offered.map((scope) => (
        <label key={scope} className="assist-scope">
          <input
            type="checkbox"
            name={name}
            value={scope}
            data-testid={`assist-scope-${scope}`}
            checked={scope === 'view' || value.includes(scope)}
            disabled={scope === 'view'}
            onChange={(event) => toggle(scope, event.target.checked)}
          />
          <span>
            <strong>{t(`assist.scope.${scope}`)}</strong>
            <span className="muted"> — {t(`assist.scopeHint.${scope}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
