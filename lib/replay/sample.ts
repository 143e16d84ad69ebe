import { mulberry32 } from "@/lib/stats";

/** Reservoir sampling: a uniform random sample of n items from a stream of unknown length, in bounded memory. */
export async function reservoirSample<T>(items: AsyncIterable<T>, n: number, seed: number): Promise<{ sample: T[]; seen: number }> {
  const random = mulberry32(seed);
  const sample: T[] = [];
  let seen = 0;
  for await (const item of items) {
    seen++;
    if (sample.length < n) sample.push(item);
    else {
      const j = Math.floor(random() * seen);
      if (j < n) sample[j] = item;
    }
  }
  return { sample, seen };
}
