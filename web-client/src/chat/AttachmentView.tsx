import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Attachment } from '../api/types';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { formatBytes, isImage } from './attachments';
import { PaperclipIcon } from './PaperclipIcon';

type Loaded = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'error' };

/**
 * An attachment's bytes as an object URL: fetched with the bearer token (an <img src> cannot send
 * it) and revoked when the component goes.
 */
export function useAttachmentUrl(api: ApiClient, attachmentId: string, enabled = true): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let url: string | null = null;
    setLoaded({ state: 'loading' });
    api
      .attachmentBlob(attachmentId, { signal: controller.signal })
      .then((blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setLoaded({ state: 'ready', url });
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ state: 'error' });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, attachmentId, enabled]);
  return loaded;
}

/** A picture in a message: a thumbnail that opens full size in an overlay. */
function ImageAttachment({ api, attachment }: { api: ApiClient; attachment: Attachment }) {
  const t = useT();
  const loaded = useAttachmentUrl(api, attachment.id);
  const [open, setOpen] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const thumbRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    const thumb = thumbRef.current;
    return () => {
      window.removeEventListener('keydown', onKey);
      // back where the user was
      thumb?.focus();
    };
  }, [open]);

  if (loaded.state !== 'ready') {
    return (
      <span className={`attachment-thumb attachment-thumb-${loaded.state}`} data-testid="chat-image-placeholder" title={attachment.filename}>
        {loaded.state === 'loading' ? t('chat.attachment.loading') : t('chat.attachment.unavailable', { name: attachment.filename })}
      </span>
    );
  }
  return (
    <>
      <button
        ref={thumbRef}
        type="button"
        className="attachment-thumb"
        onClick={() => setOpen(true)}
        aria-label={t('chat.attachment.open', { name: attachment.filename })}
        title={attachment.filename}
      >
        <img src={loaded.url} alt={attachment.filename} data-testid="chat-image" data-attachment-id={attachment.id} />
      </button>
      {open && (
        <div className="lightbox" role="dialog" aria-modal="true" aria-label={attachment.filename} onClick={() => setOpen(false)}>
          <img src={loaded.url} alt={attachment.filename} data-testid="chat-image-full" onClick={(event) => event.stopPropagation()} />
          <button ref={closeRef} type="button" className="button button-small lightbox-close" onClick={() => setOpen(false)}>
            {t('chat.attachment.close')}
          </button>
        </div>
      )}
    </>
  );
}

/** Any other file: a chip that downloads it (fetched with the token, saved from a blob). */
function FileAttachment({ api, attachment }: { api: ApiClient; attachment: Attachment }) {
  const t = useT();
  const [language] = useLanguage();
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');

  const download = () => {
    setState('loading');
    api
      .attachmentBlob(attachment.id)
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = attachment.filename || 'attachment';
        link.rel = 'noopener';
        document.body.appendChild(link);
        link.click();
        link.remove();
        // give the browser a moment to start the download before the URL goes
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        setState('idle');
      })
      .catch(() => setState('error'));
  };

  return (
    <button
      type="button"
      className={`attachment-chip${state === 'error' ? ' attachment-chip-error' : ''}`}
      data-testid="chat-file"
      data-attachment-id={attachment.id}
      onClick={download}
      disabled={state === 'loading'}
      title={t('chat.attachment.download', { name: attachment.filename })}
    >
      <PaperclipIcon size={14} /> <span className="attachment-name">{attachment.filename}</span>{' '}
      <span className="muted">{state === 'error' ? t('chat.attachment.downloadFailed') : formatBytes(attachment.size, language)}</span>
    </button>
  );
}

/** The attachments of a message: pictures inline, other files as download chips. */
export function AttachmentList({ api, attachments }: { api: ApiClient; attachments: readonly Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <div className="message-attachments">
      {attachments.map((attachment) =>
        isImage(attachment) ? (
          <ImageAttachment key={attachment.id} api={api} attachment={attachment} />
        ) : (
          <FileAttachment key={attachment.id} api={api} attachment={attachment} />
        ),
      )}
    </div>
  );
}
