import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  BurdenLimits,
  BurdenMeasure,
  EngineerBurden,
  EngineerFigures,
} from '@sre-ownership/plugin-sre-ownership-common';
import { formatMinutes, formatRate, formatShare } from '../formatFigures';
import { LimitFigure, LimitStanding } from '../LimitFigure';
import { ColumnPicker, FittedTable } from '../tables';
import { useState } from 'react';

// Figures never wrap; headings wrap between words only; a narrow card
// scrolls, with a shadow at the edge that has more.
const useStyles = makeStyles({
  heading: { minWidth: 72, verticalAlign: 'bottom' },
  figure: { whiteSpace: 'nowrap' },
});

/** One column of figures: what it shows and, for limited ones, the limit. */
interface FigureColumn {
  title: string;
  figure: keyof EngineerFigures;
  format: (value: number) => string;
  measure?: BurdenMeasure;
  /** Why the figure can be undefined ("—"), for the ones that can. */
  undefinedReason?: string;
  /** Shown until the viewer chooses otherwise. */
  shown?: boolean;
}

const count = (value: number) => String(value);

const COLUMNS: FigureColumn[] = [
  {
    title: 'On-call weeks / month',
    figure: 'onCallWeeksPerMonth',
    format: formatRate,
    measure: 'onCallWeeksPerMonth',
    shown: true,
  },
  {
    title: 'On-call share',
    figure: 'onCallShare',
    format: formatShare,
    measure: 'onCallShare',
    shown: true,
  },
  { title: 'Pages', figure: 'pages', format: count, shown: true },
  {
    title: 'Pages per shift',
    figure: 'pagesPerShift',
    format: formatRate,
    measure: 'pagesPerShift',
    undefinedReason: 'never on call',
    shown: true,
  },
  { title: 'Pages off rotation', figure: 'offRotationPages', format: count },
  { title: 'Off-hours pages', figure: 'offHoursPages', format: count },
  {
    title: 'Sleep-hours pages',
    figure: 'sleepHoursPages',
    format: count,
    shown: true,
  },
  { title: 'Responding', figure: 'respondingMinutes', format: formatMinutes },
  {
    title: 'Responding off rotation',
    figure: 'respondingOffRotationMinutes',
    format: formatMinutes,
  },
  {
    title: 'Toil share',
    figure: 'toilShare',
    format: formatShare,
    measure: 'toilShare',
    undefinedReason: 'no toil source, or no business hours',
    shown: true,
  },
];

const DEFAULT_COLUMNS = COLUMNS.filter(column => column.shown).map(
  column => column.figure,
);

function columnTitle(column: FigureColumn, limits: BurdenLimits): string {
  return column.measure
    ? `${column.title} (limit ${column.format(limits[column.measure])})`
    : column.title;
}

/** The backend's verdict on one engineer's figure; the table computes none. */
function standingOf(
  engineer: EngineerBurden,
  column: FigureColumn,
): LimitStanding | undefined {
  if (!column.measure) return undefined;
  if (engineer.overLimit.includes(column.measure)) return 'over';
  if (engineer.nearLimit?.includes(column.measure)) return 'near';
  return 'within';
}

/**
 * Each engineer's figures over the window, with the previous window beneath
 * each; the measures with a sustainable limit are coloured against it and
 * marked when above or close to it. The limited measures, pages and
 * sleep-hours pages show at first; the viewer picks the others, so that the
 * table fits its card.
 */
export function EngineerBurdenTable(props: {
  engineers: EngineerBurden[];
  limits: BurdenLimits;
}) {
  const { engineers, limits } = props;
  const classes = useStyles();
  const [chosen, choose] =
    useState<Array<keyof EngineerFigures>>(DEFAULT_COLUMNS);
  const columns = COLUMNS.filter(column => chosen.includes(column.figure));
  return (
    <>
      <ColumnPicker
        columns={COLUMNS.map(column => ({
          key: column.figure,
          title: column.title,
        }))}
        chosen={chosen}
        onChange={choose}
      />
      <FittedTable size="small" aria-label="Per-engineer burden">
        <TableHead>
          <TableRow>
            <TableCell className={classes.heading}>Engineer</TableCell>
            {columns.map(column => (
              <TableCell
                key={column.figure}
                align="right"
                className={classes.heading}
              >
                {columnTitle(column, limits)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {engineers.map(engineer => (
            <TableRow key={engineer.userRef}>
              <TableCell component="th" scope="row" className={classes.figure}>
                <EntityRefLink
                  entityRef={engineer.userRef}
                  defaultKind="user"
                  hideIcon
                />
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {engineer.timezone}
                  {!engineer.member && ' · from another team'}
                </Typography>
              </TableCell>
              {columns.map(column => (
                <TableCell
                  key={column.figure}
                  align="right"
                  className={classes.figure}
                >
                  <LimitFigure
                    value={engineer.current[column.figure]}
                    previous={engineer.previous[column.figure]}
                    format={column.format}
                    limit={column.measure && limits[column.measure]}
                    // The backend decides what is over a limit (it allows
                    // the clock-change hour); the card only adds "near".
                    standing={standingOf(engineer, column)}
                    undefinedReason={column.undefinedReason}
                  />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </FittedTable>
    </>
  );
}
