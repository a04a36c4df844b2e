import Table, { TableProps } from '@material-ui/core/Table';
import { makeStyles } from '@material-ui/core/styles';
import { scrollShadows, wholeWordCells } from './tableStyles';

const useStyles = makeStyles(theme => ({
  scroll: scrollShadows(theme),
  table: wholeWordCells,
}));

/**
 * A table for a card: cells wrap between words only, and when the card is
 * narrower than the table it scrolls sideways with a shadow on the edge
 * that has more.
 */
export function FittedTable(props: TableProps) {
  const classes = useStyles();
  return (
    <div className={classes.scroll}>
      <Table
        {...props}
        className={[classes.table, props.className].filter(Boolean).join(' ')}
      />
    </div>
  );
}
