import { Theme } from '@material-ui/core/styles';
import { CSSProperties } from '@material-ui/core/styles/withStyles';

/**
 * Text that wraps between words and never inside one: no "Balanc e" or
 * "compone nt" when a column is narrow. It leaves `white-space` alone, so a
 * figure kept on one line stays so.
 */
export const wrapOnWords: CSSProperties = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
  hyphens: 'manual',
};

/**
 * A box that scrolls sideways and shows that it does: a shadow on each edge
 * that has more behind it, drawn by backgrounds that scroll with the content
 * and cover the shadows at the ends (no script, no resize observer).
 */
export function scrollShadows(
  theme: Theme,
  paper: string = theme.palette.background.paper,
): CSSProperties {
  const shadow =
    theme.palette.type === 'dark' ? 'rgba(0,0,0,0.6)' : 'rgba(0,0,0,0.2)';
  return {
    overflowX: 'auto',
    // Sideways only: without it the box also scrolls a pixel or two down.
    overflowY: 'hidden',
    background: [
      `linear-gradient(to right, ${paper} 30%, transparent) left center / 40px 100% no-repeat local`,
      `linear-gradient(to left, ${paper} 30%, transparent) right center / 40px 100% no-repeat local`,
      `radial-gradient(farthest-side at 0 50%, ${shadow}, transparent) left center / 14px 100% no-repeat scroll`,
      `radial-gradient(farthest-side at 100% 50%, ${shadow}, transparent) right center / 14px 100% no-repeat scroll`,
    ].join(', '),
    backgroundColor: paper,
  };
}

/**
 * For a table's root: Backstage's theme lets table cells break inside a
 * word ("Tie r"); in these tables words stay whole and a column is as wide
 * as its longest word.
 */
export const wholeWordCells: CSSProperties = {
  // Elements rather than MUI's class names, which a nested theme suffixes.
  '& th, & td': wrapOnWords,
};
