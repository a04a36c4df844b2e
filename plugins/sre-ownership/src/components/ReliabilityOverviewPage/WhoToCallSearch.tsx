import Button from '@material-ui/core/Button';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useRef, useState } from 'react';
import { ErrorState, LoadingState } from '../states';
import { AnswerCard } from './AnswerCard';
import { useOverview } from './useOverview';

const useStyles = makeStyles(theme => ({
  form: { display: 'flex', gap: theme.spacing(1), alignItems: 'center' },
}));

/** The most answers the API gives at once. */
const MOST_ANSWERS = 50;

/** How long typing must pause before the answers follow it. */
export const SEARCH_DEBOUNCE_MS = 300;

function Answers(props: { query: string }) {
  const { query } = props;
  const [limit, setLimit] = useState<number | undefined>();
  const state = useOverview(
    api => (limit ? api.whoToCall(query, { limit }) : api.whoToCall(query)),
    [query, limit],
  );
  if (state.error) return <ErrorState error={state.error} subject="answers" />;
  if (!state.value) return <LoadingState />;
  const { answers, totalMatches } = state.value;
  if (!answers.length) {
    return (
      <Typography role="status" color="textSecondary">
        Nothing you may read matches “{query}”. Try a service, team, person,
        tag, type (“database”) or a role with a team, such as “SLO guard
        payments”.
      </Typography>
    );
  }
  const more = totalMatches > answers.length;
  return (
    <div aria-live="polite">
      <Typography variant="caption" color="textSecondary" role="status">
        {totalMatches} match{totalMatches === 1 ? '' : 'es'}
        {more ? `, the best ${answers.length} shown` : ''}
      </Typography>
      {answers.map(answer => (
        <AnswerCard key={answer.entityRef} answer={answer} />
      ))}
      {more && answers.length < MOST_ANSWERS && (
        <Button
          variant="outlined"
          onClick={() => setLimit(Math.min(totalMatches, MOST_ANSWERS))}
        >
          {totalMatches <= MOST_ANSWERS
            ? `Show all ${totalMatches} matches`
            : `Show the best ${MOST_ANSWERS}`}
        </Button>
      )}
      {more && answers.length >= MOST_ANSWERS && (
        <Typography variant="body2" color="textSecondary">
          Add a word to narrow the {totalMatches} matches.
        </Typography>
      )}
    </div>
  );
}

/**
 * The "Who do I call?" box: focused on arrival and on "/"; answers follow
 * the typing once it pauses, and Enter or the Search button ask at once;
 * Escape clears. The query lives in the address (`?q=`) so an answer can be
 * shared.
 */
export function WhoToCallSearch(props: {
  query: string;
  onQuery: (query: string) => void;
}) {
  const { query, onQuery } = props;
  const classes = useStyles();
  const [text, setText] = useState(query);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => setText(query), [query]);
  // Results as you type: the query follows the text once typing pauses.
  useEffect(() => {
    if (text.trim() === query) return undefined;
    const timer = setTimeout(() => onQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  // Keyboard first: the box has the focus on arrival, and "/" brings it back.
  useEffect(() => {
    box.current?.focus();
    const onSlash = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea')) return;
      event.preventDefault();
      box.current?.focus();
    };
    document.addEventListener('keydown', onSlash);
    return () => document.removeEventListener('keydown', onSlash);
  }, []);
  return (
    <>
      <form
        role="search"
        aria-label="Who do I call"
        onSubmit={event => {
          event.preventDefault();
          onQuery(text.trim());
        }}
        className={classes.form}
      >
        <TextField
          inputRef={box}
          fullWidth
          variant="outlined"
          label="Who do I call about…"
          placeholder="payments, jane doe, database, SLO guard search — press / to come back here"
          value={text}
          onChange={event => setText(event.target.value)}
          onKeyDown={event => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onQuery(text.trim());
            }
            if (event.key === 'Escape') {
              setText('');
              onQuery('');
            }
          }}
          inputProps={{
            'aria-label': 'Who do I call about',
            role: 'searchbox',
          }}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          }}
        />
        <Button type="submit" variant="contained" color="primary">
          Search
        </Button>
      </form>
      {query ? <Answers key={query} query={query} /> : null}
    </>
  );
}
