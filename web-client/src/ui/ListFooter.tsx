import { useT } from '../i18n/I18nProvider';

/** Count of loaded rows and the "load more" button while the server has a next cursor. */
export function ListFooter({ count, hasMore, loadingMore, onLoadMore }: { count: number; hasMore: boolean; loadingMore: boolean; onLoadMore: () => void }) {
  const t = useT();
  return (
    <div className="list-footer">
      <span className="muted" aria-live="polite">
        {t('list.shown', { count })}
      </span>
      {hasMore && (
        <button type="button" className="button" data-testid="load-more" onClick={onLoadMore} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? t('list.loadingMore') : t('list.loadMore')}
        </button>
      )}
    </div>
  );
}
