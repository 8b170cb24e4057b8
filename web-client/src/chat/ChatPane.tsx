import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { ApiClient } from '../api/client';
import type { Actor, User } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/language';
import type { TicketStream } from '../tickets/ticketStream';
import { ErrorBanner } from '../ui/ErrorBanner';
import { dragHasFiles, filesOf } from './attachments';
import { Composer } from './Composer';
import { initials, newestSeq } from './messages';
import { MessageItem } from './MessageItem';
import { readOwnMessages, readSeqToSend } from './readMarks';
import type { Typist } from './typing';
import { useChat } from './useChat';
import { useUploads } from './useUploads';

/** Near enough to the bottom to keep following new messages. */
const STICK_PX = 48;
/** Scrolled this close to the top: the next older page is fetched. */
const EARLIER_PX = 40;

export interface ChatPaneProps {
  api: ApiClient;
  ticketId: string;
  /** The ticket's customer (for staff, whose read mark counts as "read"). */
  customerId?: string | undefined;
  user: Pick<User, 'id' | 'role' | 'displayName'>;
  /** The ticket view's live subscription, shared with the chat (null: REST only). */
  stream: TicketStream | null;
}

const isStaff = (role: string | undefined) => role === 'AGENT' || role === 'SUPERVISOR';

function typingText(typists: readonly Typist[], t: Translate): string {
  const names = typists.map((typist) => typist.user.displayName || '?');
  if (names.length === 1) return t('chat.typing.one', { name: names[0] as string });
  if (names.length === 2) return t('chat.typing.two', { first: names[0] as string, second: names[1] as string });
  return t('chat.typing.many', { count: names.length });
}

/** Page visible and focused: only then does a shown message count as read. */
function usePageFocused(): boolean {
  const read = () => typeof document !== 'undefined' && document.visibilityState !== 'hidden' && (typeof document.hasFocus !== 'function' || document.hasFocus());
  const [focused, setFocused] = useState(read);
  useEffect(() => {
    const update = () => setFocused(read());
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);
  return focused;
}

/** Whether an element is on screen (IntersectionObserver; always true where there is none, e.g. jsdom). */
function useOnScreen(target: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = target.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setVisible(entry.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target]);
  return visible;
}

function PresenceBar({ viewers, typists }: { viewers: readonly Actor[]; typists: readonly Typist[] }) {
  const t = useT();
  const typingIds = new Set(typists.map((typist) => typist.user.id));
  if (viewers.length === 0) {
    return (
      <p className="presence muted" data-testid="chat-presence" data-count={0}>
        {t('chat.presence.alone')}
      </p>
    );
  }
  return (
    <div className="presence" data-testid="chat-presence" data-count={viewers.length}>
      <span className="muted">{t('chat.presence.label')}</span>
      <ul className="avatars">
        {viewers.map((viewer) => {
          const typing = typingIds.has(viewer.id);
          const label = typing ? t('chat.presence.typing', { name: viewer.displayName }) : viewer.displayName;
          return (
            <li key={viewer.id} className={`avatar${typing ? ' avatar-typing' : ''}`} title={label} aria-label={label} data-testid="chat-viewer" data-user-id={viewer.id}>
              <span aria-hidden="true">{initials(viewer.displayName)}</span>
              {typing && (
                <span className="avatar-dots" aria-hidden="true">
                  …
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The chat of a ticket, for agents (console) and customers (portal): history with paging, live
 * messages, sending with an outbox (pending, retried, failed), typing, read receipts, attachments,
 * and for staff internal notes and who else is on the ticket.
 */
export function ChatPane({ api, ticketId, customerId, user, stream }: ChatPaneProps) {
  const t = useT();
  const staff = isStaff(user.role);
  const chat = useChat({ api, ticketId, user, stream, customerId });
  const uploads = useUploads(api, ticketId);
  const [dragging, setDragging] = useState(false);

  const scroller = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const prepend = useRef<{ height: number; top: number } | null>(null);
  const newestVisible = useOnScreen(bottom);
  const focused = usePageFocused();
  const [atBottom, setAtBottom] = useState(true);

  const { messages, outbox, loadEarlier, hasMore, loadingEarlier, loading } = chat;
  const lastKey = `${messages[messages.length - 1]?.id ?? ''}|${outbox.length}|${outbox[outbox.length - 1]?.clientMessageId ?? ''}`;

  // keep the view where the user is: following the bottom, or in place when older messages come in on top
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = prepend.current;
    if (before) {
      prepend.current = null;
      element.scrollTop = element.scrollHeight - before.height + before.top;
      return;
    }
    if (stick.current) element.scrollTop = element.scrollHeight;
  }, [lastKey, messages.length, loading]);

  const earlier = useCallback(() => {
    const element = scroller.current;
    if (element) prepend.current = { height: element.scrollHeight, top: element.scrollTop };
    loadEarlier();
  }, [loadEarlier]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    stick.current = distance < STICK_PX;
    setAtBottom(stick.current);
    if (element.scrollTop < EARLIER_PX && hasMore && !loadingEarlier && !loading && element.scrollHeight > element.clientHeight) earlier();
  };

  // our own message goes to the bottom (and the view with it)
  const send = useCallback(
    (draft: Parameters<typeof chat.send>[0]) => {
      stick.current = true;
      chat.send(draft);
    },
    [chat],
  );

  // read receipts: the newest message on screen on a focused page moves our read mark
  const newest = newestSeq(messages);
  const { markRead, connection, lastReadSent } = chat;
  useEffect(() => {
    const seq = readSeqToSend({ newestSeq: newest, lastSent: lastReadSent(), newestVisible: newestVisible && atBottom, focused });
    if (seq !== null) markRead(seq);
  }, [newest, newestVisible, atBottom, focused, connection, markRead, lastReadSent]);

  const read = readOwnMessages(messages, user, chat.otherReadSeq);
  const otherStaffTyping = staff ? chat.typists.filter((typist) => isStaff(typist.user.role)) : [];

  const onDragOver = (event: DragEvent) => {
    if (!dragHasFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    setDragging(false);
    const files = filesOf(event.dataTransfer);
    if (files.length === 0) return;
    event.preventDefault();
    uploads.add(files);
  };

  return (
    <section
      className={`panel chat${dragging ? ' chat-dragging' : ''}`}
      aria-labelledby={`chat-title-${ticketId}`}
      data-testid="chat-pane"
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="chat-head">
        <h2 id={`chat-title-${ticketId}`} className="panel-title">
          {t('chat.title')}
        </h2>
        {staff && <PresenceBar viewers={chat.viewers} typists={chat.typists} />}
      </div>
      {otherStaffTyping.length > 0 && (
        <div className="banner banner-warning chat-collision" role="status" data-testid="chat-collision-warning">
          <p>
            {otherStaffTyping.length === 1
              ? t('chat.collision.one', { name: otherStaffTyping[0]?.user.displayName ?? '?' })
              : t('chat.collision.many', { count: otherStaffTyping.length })}
          </p>
        </div>
      )}
      <ErrorBanner error={chat.loadError} onRetry={chat.reload} />
      <div className="chat-scroll" ref={scroller} onScroll={onScroll} data-testid="chat-messages">
        {hasMore && (
          <div className="chat-earlier">
            <button type="button" className="button button-small" onClick={earlier} disabled={loadingEarlier} data-testid="chat-load-earlier">
              {loadingEarlier ? t('common.loading') : t('chat.loadEarlier')}
            </button>
          </div>
        )}
        <ErrorBanner error={chat.earlierError} onRetry={earlier} />
        {loading && messages.length === 0 ? (
          <p className="muted chat-empty">{t('common.loading')}</p>
        ) : messages.length === 0 && outbox.length === 0 && !chat.loadError ? (
          <p className="muted chat-empty" data-testid="chat-empty">
            {staff ? t('chat.empty.staff') : t('chat.empty.customer')}
          </p>
        ) : null}
        <ol className="chat-list" role="log" aria-live="polite" aria-relevant="additions" aria-label={t('chat.title')}>
          {messages.map((message) => (
            <MessageItem
              key={message.id}
              api={api}
              id={message.id}
              seq={message.seq}
              author={message.author}
              body={message.body}
              internal={message.internal}
              createdAt={message.createdAt}
              attachments={message.attachments ?? []}
              mine={message.author?.id === user.id}
              read={read.latest === message.id}
            />
          ))}
          {outbox.map((entry) => (
            <MessageItem
              key={entry.clientMessageId}
              api={api}
              id={entry.clientMessageId}
              author={{ id: user.id, displayName: user.displayName, role: user.role }}
              body={entry.body}
              internal={entry.internal}
              createdAt={entry.createdAt}
              attachments={entry.attachments}
              mine
              state={entry.state}
              error={entry.error}
              onRetry={() => chat.retry(entry.clientMessageId)}
              onDiscard={() => chat.discard(entry.clientMessageId)}
            />
          ))}
        </ol>
        <div ref={bottom} className="chat-bottom" aria-hidden="true" />
      </div>
      <p className="chat-typing" data-testid="chat-typing" aria-live="polite" data-count={chat.typists.length}>
        {chat.typists.length > 0 ? typingText(chat.typists, t) : ''}
      </p>
      {dragging && (
        <div className="chat-drop-hint" aria-hidden="true">
          {t('chat.dropHere')}
        </div>
      )}
      <Composer staff={staff} uploads={uploads} typing={chat.typing} onSend={send} />
    </section>
  );
}
