import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import ViewColumnIcon from '@material-ui/icons/ViewColumn';
import { useState } from 'react';

/**
 * A "Columns" button with a menu to show or hide a table's optional
 * columns, for tables with more figures than a card is wide.
 */
export function ColumnPicker<K extends string>(props: {
  columns: Array<{ key: K; title: string }>;
  chosen: K[];
  onChange: (chosen: K[]) => void;
}) {
  const { columns, chosen, onChange } = props;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (key: K) =>
    onChange(
      chosen.includes(key)
        ? chosen.filter(k => k !== key)
        : columns.map(c => c.key).filter(k => k === key || chosen.includes(k)),
    );
  return (
    <>
      <Button
        size="small"
        startIcon={<ViewColumnIcon />}
        aria-haspopup="true"
        onClick={event => setAnchor(event.currentTarget)}
      >
        Columns ({chosen.length} of {columns.length})
      </Button>
      <Menu
        anchorEl={anchor}
        keepMounted={false}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
      >
        {columns.map(column => (
          <MenuItem
            key={column.key}
            role="menuitemcheckbox"
            aria-checked={chosen.includes(column.key)}
            onClick={() => toggle(column.key)}
            dense
          >
            <Checkbox
              checked={chosen.includes(column.key)}
              size="small"
              tabIndex={-1}
              disableRipple
              inputProps={{ 'aria-hidden': true }}
            />
            <ListItemText primary={column.title} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
