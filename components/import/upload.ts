// Sends the chosen file as the raw request body of POST /api/imports. XMLHttpRequest rather than fetch: it streams
// the File from disk just the same, and it is the one browser API that reports upload progress.
import { errorOf, unreachable, type ApiResult } from "./api";
import type { ImportInfo } from "./types";

export interface UploadHandle {
  done: Promise<ApiResult<ImportInfo>>;
  abort: () => void;
}

/** onProgress(sent, total) while the bytes go up; once they are all sent the server scans the file (no progress then). */
export function uploadLog(file: File, onProgress: (sent: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ApiResult<ImportInfo>>((resolve) => {
    xhr.open("POST", `/api/imports?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const json: unknown = xhr.response;
      const info = (json as { import?: ImportInfo } | null)?.import;
      if (xhr.status === 201 && info) resolve({ ok: true, data: info });
      else resolve({ ok: false, error: errorOf(json, xhr.status, "The upload"), status: xhr.status });
    };
    xhr.onerror = () => resolve({ ok: false, error: unreachable, status: 0 });
    xhr.onabort = () => resolve({ ok: false, error: { message: "Upload cancelled.", fields: {} }, status: 0 });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
