import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";

// Uploaded logs are streamed to disk (never held in memory) under data/uploads, named by a random id. They stay
// there so that a sampled replay can later be extended with more cases from the same log.

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uploadsDir(): string {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "uploads");
  mkdirSync(dir, { recursive: true });
  return dir;
}

function safeName(name: string): string {
  const base = path.basename(name).replace(/[^A-Za-z0-9._-]+/g, "_").slice(-80);
  return base || "log";
}

export async function saveUpload(body: ReadableStream<Uint8Array>, fileName: string): Promise<{ id: string; path: string; bytes: number; fileName: string }> {
  const id = randomUUID();
  const name = safeName(fileName);
  const file = path.join(uploadsDir(), `${id}--${name}`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) cb(new AppError("payload_too_large", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`));
      else cb(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(body as never), limit, createWriteStream(file));
  if (bytes === 0) throw new AppError("bad_request", "The uploaded file is empty.");
  return { id, path: file, bytes, fileName: name };
}

/** The stored file of an upload id, or a 404 (ids are random; anything else names nothing). */
export function uploadPath(id: string): { path: string; fileName: string; bytes: number } {
  if (!ID.test(id)) throw new AppError("not_found", "No upload with this id.");
  const dir = uploadsDir();
  const entry = readdirSync(dir).find((f) => f.startsWith(`${id}--`));
  if (!entry) throw new AppError("not_found", "No upload with this id.");
  const p = path.join(dir, entry);
  if (!existsSync(p)) throw new AppError("not_found", "No upload with this id.");
  return { path: p, fileName: entry.slice(id.length + 2), bytes: statSync(p).size };
}
