import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** A titled part of a card, announced as a region by its title. */
export function CardSection(props: { title: string; children: ReactNode }) {
  return (
    <section aria-label={props.title}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}
