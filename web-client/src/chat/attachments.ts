import { isApiError } from '../api/problem';
import type { Attachment } from '../api/types';
import type { MessageKey } from '../i18n/en';
import type { Language } from '../i18n/language';

/** The server's limit per file (413 beyond). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** At most this many attachments per message. */
export const MAX_ATTACHMENTS = 10;

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Whether to show it inline as a picture (the image types the server accepts). */
export function isImage(attachment: Pick<Attachment, 'contentType'>): boolean {
  return IMAGE_TYPES.has((attachment.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '');
}

/** Why an upload failed, as a message key: 413 too large, 415 type not allowed, … */
export function uploadErrorKey(error: unknown): MessageKey {
  if (isApiError(error)) {
    switch (error.status) {
      case 0:
        return 'chat.attachment.network';
      case 413:
        return 'chat.attachment.tooLarge';
      case 415:
        return 'chat.attachment.badType';
      case 403:
        return 'chat.attachment.forbidden';
      case 429:
        return 'error.tooMany';
      default:
        return 'chat.attachment.failed';
    }
  }
  return 'chat.attachment.failed';
}

/** A check before uploading: files over the limit are refused at once, without sending 10 MiB for a 413. */
export function precheckFile(file: Pick<File, 'size'>): MessageKey | null {
  if (file.size > MAX_ATTACHMENT_BYTES) return 'chat.attachment.tooLarge';
  return null;
}

/** A name for a file that has none (a pasted screenshot). */
export function fileName(file: Pick<File, 'name' | 'type'>, now: Date = new Date()): string {
  if (file.name && file.name.trim()) return file.name;
  const extension = (file.type.split('/')[1] ?? 'bin').replace(/[^a-z0-9]/gi, '') || 'bin';
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
  return `pasted-${stamp}.${extension}`;
}

/** `532 B`, `12.3 KB`, `4.2 MB` in the page's language. */
export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** The files of a paste or drop (clipboard images come as items of kind `file`). */
export function filesOf(data: DataTransfer | null | undefined): File[] {
  if (!data) return [];
  const files: File[] = [];
  if (data.files && data.files.length > 0) {
    for (const file of Array.from(data.files)) files.push(file);
    return files;
  }
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  return files;
}

/** Whether a drag carries files (and not just text or a link). */
export function dragHasFiles(data: DataTransfer | null | undefined): boolean {
  return Boolean(data && Array.from(data.types ?? []).includes('Files'));
}
