import { memo } from 'react';
import type { ApiClient } from '../api/client';
import type { Actor, Attachment } from '../api/types';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { describeError } from '../ui/errorMessage';
import { formatDateTime } from '../ui/time';
import { AttachmentList } from './AttachmentView';
import { initials } from './messages';
import { MessageBody } from './MessageBody';
import type { OutgoingState } from './outbox';

export interface MessageItemProps {
  api: ApiClient;
  /** Stored message id, or the clientMessageId of one of ours not stored yet. */
  id: string;
  author: Actor;
  body: string;
  internal: boolean;
  createdAt: string;
  attachments: readonly Attachment[];
  mine: boolean;
  /** Stored messages have none; ours on their way have theirs. */
  state?: OutgoingState | undefined;
  error?: unknown;
  /** Show "Read" under it (the other side has read up to here). */
  read?: boolean;
  seq?: number | undefined;
  onRetry?: (() => void) | undefined;
  onDiscard?: (() => void) | undefined;
}

/** One chat bubble: author, time, body (markdown-lite), attachments and its delivery state. */
export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  const t = useT();
  const [language] = useLanguage();
  const { author, state } = props;
  const classes = ['chat-message', props.mine ? 'mine' : 'theirs'];
  if (props.internal) classes.push('internal');
  if (state) classes.push(`state-${state}`);
  const dataState = state === undefined ? 'sent' : state === 'committed' ? 'sent' : state;

  return (
    <li
      className={classes.join(' ')}
      data-testid="chat-message"
      data-message-id={props.id}
      data-seq={props.seq}
      data-state={dataState}
      data-internal={props.internal ? 'true' : 'false'}
      data-mine={props.mine ? 'true' : 'false'}
    >
      {!props.mine && (
        <span className="avatar avatar-small" aria-hidden="true" title={author.displayName}>
          {initials(author.displayName)}
        </span>
      )}
      <div className="chat-bubble">
        <div className="chat-meta">
          <span className="chat-author">{props.mine ? t('chat.you') : author.displayName}</span>
          {props.internal && <span className="badge badge-internal">{t('chat.internalBadge')}</span>}
          <time dateTime={props.createdAt} className="chat-time">
            {formatDateTime(props.createdAt, language)}
          </time>
        </div>
        <MessageBody body={props.body} />
        <AttachmentList api={props.api} attachments={props.attachments} />
        {(state === 'pending' || state === 'sending') && (
          <p className="chat-status" data-testid="chat-pending">
            {state === 'pending' && props.error ? t('chat.waiting') : t('chat.sending')}
          </p>
        )}
        {state === 'failed' && (
          <div className="chat-status chat-failed" role="alert" data-testid="chat-failed">
            <span>{t('chat.failed', { reason: describeError(props.error, t) })}</span>
            <button type="button" className="button button-small" onClick={props.onRetry} data-testid="chat-retry">
              {t('common.retry')}
            </button>
            <button type="button" className="button button-small button-quiet" onClick={props.onDiscard} data-testid="chat-discard">
              {t('chat.discard')}
            </button>
          </div>
        )}
        {props.read && (
          <p className="chat-status chat-read" data-testid="chat-read">
            {t('chat.read')}
          </p>
        )}
      </div>
    </li>
  );
});
