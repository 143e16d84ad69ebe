export interface ResponseMeta {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
}

/** Split text into exact consecutive pieces for streaming (concatenation === text). */
export function chunkText(text: string, size = 24): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
