import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Attachment } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { fileName, MAX_ATTACHMENTS, precheckFile, uploadErrorKey } from './attachments';

export interface Upload {
  key: string;
  name: string;
  size: number;
  /** 0..1 */
  progress: number;
  state: 'uploading' | 'done' | 'error';
  attachment?: Attachment;
  errorKey?: MessageKey;
}

export interface UploadsModel {
  uploads: Upload[];
  /** Starts uploading files (paperclip, paste or drop); over the limit they are refused at once. */
  add: (files: readonly File[]) => void;
  remove: (key: string) => void;
  /** Forgets every upload (after the message went); finished uploads are not deleted on the server. */
  clear: () => void;
  busy: boolean;
  /** The uploaded ones, for the message's attachmentIds. */
  done: Attachment[];
  /** Too many for one message. */
  tooMany: boolean;
}

let counter = 0;

/** The attachments of the message being written: each uploaded at once, with progress and errors. */
export function useUploads(api: ApiClient, ticketId: string): UploadsModel {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const change = useCallback((key: string, update: Partial<Upload>) => {
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...update } : upload)));
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      const started: Upload[] = [];
      for (const file of files) {
        counter += 1;
        const key = `upload-${counter}`;
        const name = fileName(file);
        const refused = precheckFile(file);
        if (refused) {
          started.push({ key, name, size: file.size, progress: 0, state: 'error', errorKey: refused });
          continue;
        }
        started.push({ key, name, size: file.size, progress: 0, state: 'uploading' });
        const controller = new AbortController();
        controllers.current.set(key, controller);
        api
          .uploadAttachment(ticketId, file, name, {
            signal: controller.signal,
            onProgress: (loaded, total) => change(key, { progress: total > 0 ? Math.min(1, loaded / total) : 0 }),
          })
          .then((attachment) => change(key, { state: 'done', progress: 1, attachment }))
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            change(key, { state: 'error', errorKey: uploadErrorKey(error) });
          })
          .finally(() => controllers.current.delete(key));
      }
      if (started.length > 0) setUploads((current) => [...current, ...started]);
    },
    [api, ticketId, change],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setUploads((current) => current.filter((upload) => upload.key !== key));
  }, []);

  const clear = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    controllers.current.clear();
    setUploads([]);
  }, []);

  useEffect(() => {
    const pending = controllers.current;
    return () => {
      for (const controller of pending.values()) controller.abort();
      pending.clear();
    };
  }, []);

  const done = uploads.filter((upload) => upload.state === 'done' && upload.attachment).map((upload) => upload.attachment as Attachment);
  return {
    uploads,
    add,
    remove,
    clear,
    busy: uploads.some((upload) => upload.state === 'uploading'),
    done,
    tooMany: uploads.filter((upload) => upload.state !== 'error').length > MAX_ATTACHMENTS,
  };
}
