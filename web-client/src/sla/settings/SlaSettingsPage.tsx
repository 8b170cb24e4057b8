import type { ApiClient } from '../../api/client';
import type { User } from '../../api/types';
import { SLA_SECTIONS, slaHref, type SlaSection } from '../../app/hashRoute';
import { useT } from '../../i18n/I18nProvider';
import { CalendarsEditor } from './CalendarsEditor';
import { GroupsEditor } from './GroupsEditor';
import { PoliciesEditor } from './PoliciesEditor';
import '../sla.css';

/** Supervisors' SLA settings: policies, business-hours calendars, escalation groups (`#/sla/<section>`). */
export function SlaSettingsPage({ api, user, section }: { api: ApiClient; user: User; section: SlaSection }) {
  const t = useT();
  return (
    <section className="page" aria-labelledby="sla-settings-title" data-testid="sla-settings">
      <div className="page-head">
        <h1 id="sla-settings-title">{t('slaAdmin.title')}</h1>
      </div>
      {user.role !== 'SUPERVISOR' ? (
        <p className="banner banner-warning" role="alert">
          {t('slaAdmin.supervisorsOnly')}
        </p>
      ) : (
        <>
          <nav className="sla-admin-tabs" aria-label={t('slaAdmin.title')}>
            {SLA_SECTIONS.map((name) => (
              <a key={name} href={slaHref(name)} aria-current={name === section ? 'page' : undefined} data-testid={`sla-tab-${name}`}>
                {t(`slaAdmin.tab.${name}`)}
              </a>
            ))}
          </nav>
          {section === 'policies' && <PoliciesEditor api={api} />}
          {section === 'calendars' && <CalendarsEditor api={api} />}
          {section === 'groups' && <GroupsEditor api={api} user={user} />}
        </>
      )}
    </section>
  );
}
