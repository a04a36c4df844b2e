import { makeStyles } from '@material-ui/core/styles';

/**
 * Tables of entities and SLOs that fit a card: headers stay on one line and
 * cells break only between words or after a dash, never inside a word.
 */
export const useFittingTableStyles = makeStyles({
  table: {
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
    '& th': { whiteSpace: 'nowrap' },
  },
});
