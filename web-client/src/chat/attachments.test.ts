import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from '../api/problem';
import { translator } from '../i18n/language';
import { dragHasFiles, fileName, filesOf, formatBytes, isImage, MAX_ATTACHMENT_BYTES, precheckFile, uploadErrorKey } from './attachments';

describe('attachment errors', () => {
  it('maps 413 and 415 (and the rest) to their messages', () => {
    expect(uploadErrorKey(new ApiError({ status: 413, title: 'Payload Too Large' }))).toBe('chat.attachment.tooLarge');
    expect(uploadErrorKey(new ApiError({ status: 415, title: 'Unsupported Media Type' }))).toBe('chat.attachment.badType');
    expect(uploadErrorKey(new ApiError({ status: 403, title: 'Forbidden' }))).toBe('chat.attachment.forbidden');
    expect(uploadErrorKey(new ApiError({ status: 429, title: 'Too Many' }))).toBe('error.tooMany');
    expect(uploadErrorKey(networkError('down'))).toBe('chat.attachment.network');
    expect(uploadErrorKey(new ApiError({ status: 500, title: 'Oops' }))).toBe('chat.attachment.failed');
    expect(uploadErrorKey(new Error('?'))).toBe('chat.attachment.failed');
  });

  it('says so in both languages', () => {
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(en(uploadErrorKey(new ApiError({ status: 413, title: '' })))).toContain('too large');
    expect(en(uploadErrorKey(new ApiError({ status: 413, title: '' })))).toContain('10 MiB');
    expect(zh(uploadErrorKey(new ApiError({ status: 413, title: '' })))).toContain('文件过大');
    expect(en(uploadErrorKey(new ApiError({ status: 415, title: '' })))).toContain('not allowed');
    expect(zh(uploadErrorKey(new ApiError({ status: 415, title: '' })))).toContain('不支持');
  });

  it('refuses a file over 10 MiB before uploading it', () => {
    expect(precheckFile({ size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(precheckFile({ size: MAX_ATTACHMENT_BYTES + 1 })).toBe('chat.attachment.tooLarge');
  });
});

describe('attachment helpers', () => {
  it('knows which types are pictures', () => {
    expect(isImage({ contentType: 'image/png' })).toBe(true);
    expect(isImage({ contentType: 'image/JPEG; charset=binary' })).toBe(true);
    expect(isImage({ contentType: 'image/svg+xml' })).toBe(false);
    expect(isImage({ contentType: 'application/pdf' })).toBe(false);
  });

  it('names a pasted screenshot', () => {
    expect(fileName({ name: 'report.pdf', type: 'application/pdf' })).toBe('report.pdf');
    expect(fileName({ name: '', type: 'image/png' }, new Date('2026-11-22T09:00:00.000Z'))).toBe('pasted-2026-11-22T09-00-00-000.png');
  });

  it('formats sizes', () => {
    expect(formatBytes(532, 'en')).toBe('532 B');
    expect(formatBytes(12_600, 'en')).toBe('12.3 KB');
    expect(formatBytes(4.2 * 1024 * 1024, 'en')).toBe('4.2 MB');
  });

  it('finds files in a paste or drop', () => {
    const file = new File(['x'], 'a.png', { type: 'image/png' });
    expect(filesOf({ files: [file], items: [], types: ['Files'] } as unknown as DataTransfer)).toEqual([file]);
    const item = { kind: 'file', getAsFile: () => file };
    expect(filesOf({ files: [], items: [item, { kind: 'string', getAsFile: () => null }], types: [] } as unknown as DataTransfer)).toEqual([file]);
    expect(filesOf(null)).toEqual([]);
    expect(dragHasFiles({ types: ['text/plain'] } as unknown as DataTransfer)).toBe(false);
    expect(dragHasFiles({ types: ['Files'] } as unknown as DataTransfer)).toBe(true);
  });
});
