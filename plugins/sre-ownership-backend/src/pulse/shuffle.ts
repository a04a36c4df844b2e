import { randomInt } from 'crypto';

/**
 * Fisher–Yates with the platform's cryptographic randomness: the order of
 * comments, stored or shown, says nothing of the order they came in.
 */
export function shuffle<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
