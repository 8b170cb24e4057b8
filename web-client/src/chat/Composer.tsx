import { useId, useRef, useState, type ChangeEvent, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { filesOf, formatBytes, MAX_ATTACHMENTS } from './attachments';
import type { Draft } from './outbox';
import { PaperclipIcon } from './PaperclipIcon';
import type { TypingSender } from './typing';
import type { UploadsModel } from './useUploads';

export const MAX_BODY = 10_000;

/** What goes out of the text box: trailing whitespace and leading blank lines dropped. */
export function normalizeBody(text: string): string {
  if (!text.trim()) return '';
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

interface ComposerProps {
  staff: boolean;
  uploads: UploadsModel;
  typing: TypingSender;
  onSend: (draft: Draft) => void;
}

/**
 * The message box: Enter sends, Shift+Enter starts a new line (and Enter while an input method is
 * composing, e.g. pinyin, is left to it). Agents can switch to an internal note; customers never
 * see that switch. Files come from the paperclip, a paste or a drop on the chat.
 */
export function Composer({ staff, uploads, typing, onSend }: ComposerProps) {
  const t = useT();
  const [language] = useLanguage();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const hintId = useId();

  const body = normalizeBody(text);
  const hasContent = body.length > 0 || uploads.done.length > 0;
  const tooLong = body.length > MAX_BODY;
  const blocked = uploads.busy || uploads.tooMany || tooLong;
  const canSend = hasContent && !blocked;

  const send = () => {
    if (!canSend) return;
    onSend({ body, internal: staff && internal, attachments: uploads.done });
    setText('');
    uploads.clear();
    typing.stop();
    textarea.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    // an input method (pinyin, …) uses Enter to pick its candidate
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setText(event.target.value);
    typing.input(event.target.value.trim().length > 0, staff && internal);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = filesOf(event.clipboardData);
    if (files.length === 0) return;
    // a screenshot (or copied files): attach them instead of pasting their names
    event.preventDefault();
    uploads.add(files);
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    if (files.length > 0) uploads.add(files);
    event.target.value = '';
  };

  const toggleInternal = (next: boolean) => {
    setInternal(next);
    if (text.trim()) typing.input(true, next);
  };

  return (
    <form className={`chat-composer${staff && internal ? ' internal' : ''}`} onSubmit={onSubmit} data-testid="chat-composer">
      {uploads.uploads.length > 0 && (
        <ul className="upload-list" aria-label={t('chat.attachment.list')}>
          {uploads.uploads.map((upload) => (
            <li key={upload.key} className={`upload-chip upload-${upload.state}`} data-testid="chat-upload" data-state={upload.state}>
              <PaperclipIcon size={14} />
              <span className="attachment-name">{upload.name}</span>
              <span className="muted">{formatBytes(upload.size, language)}</span>
              {upload.state === 'uploading' && (
                <progress max={1} value={upload.progress} aria-label={t('chat.attachment.uploading', { name: upload.name })} />
              )}
              {upload.state === 'error' && upload.errorKey && (
                <span className="upload-error" role="alert" data-testid="chat-upload-error">
                  {t(upload.errorKey)}
                </span>
              )}
              <button
                type="button"
                className="button button-small button-quiet"
                onClick={() => uploads.remove(upload.key)}
                aria-label={t('chat.attachment.remove', { name: upload.name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {uploads.tooMany && (
        <p className="field-error" role="alert">
          {t('chat.attachment.tooMany', { max: MAX_ATTACHMENTS })}
        </p>
      )}
      <label htmlFor={inputId} className="visually-hidden">
        {staff && internal ? t('chat.internalPlaceholder') : t('chat.inputLabel')}
      </label>
      <textarea
        id={inputId}
        ref={textarea}
        data-testid="chat-input"
        className="chat-input"
        rows={2}
        value={text}
        placeholder={staff && internal ? t('chat.internalPlaceholder') : t('chat.placeholder')}
        aria-describedby={hintId}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => typing.stop()}
      />
      <div className="chat-composer-bar">
        {staff && (
          <label className="chat-internal-toggle">
            <input type="checkbox" checked={internal} onChange={(event) => toggleInternal(event.target.checked)} data-testid="chat-internal-toggle" />
            {t('chat.internalToggle')}
          </label>
        )}
        <span id={hintId} className="muted chat-hint">
          {tooLong ? t('chat.tooLong', { max: MAX_BODY }) : t('chat.hint')}
        </span>
        <input ref={fileInput} type="file" multiple hidden onChange={onFiles} data-testid="chat-file-input" aria-label={t('chat.attach')} />
        <button
          type="button"
          className="button button-small chat-attach"
          onClick={() => fileInput.current?.click()}
          aria-label={t('chat.attach')}
          title={t('chat.attach')}
          data-testid="chat-attach"
        >
          <PaperclipIcon />
        </button>
        <button type="submit" className="button button-primary button-small" disabled={!canSend} data-testid="chat-send">
          {uploads.busy ? t('chat.waitUploads') : staff && internal ? t('chat.sendNote') : t('chat.send')}
        </button>
      </div>
    </form>
  );
}
