import { FIELD_LIMITS, characters } from '../oncall/fields';

/**
 * The title of a page made from a webhook: the sender's text, cut to fit
 * the column (a long summary is no reason to lose the page), or nothing.
 */
export function titleOf(text: string | undefined): { title?: string } {
  if (text === undefined || !text.trim()) return {};
  if (characters(text) <= FIELD_LIMITS.title) return { title: text };
  return {
    title: `${[...text].slice(0, FIELD_LIMITS.title - 1).join('')}…`,
  };
}
